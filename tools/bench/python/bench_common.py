"""What the Python benchmarks share: the synthetic streams (tools/bench/src/workloads.ts holds
the same numbers), batching, timing, and the command line."""
import argparse
import json
import time

STREAMS = {"matmulA": 1, "matmulB": 2, "samples": 3, "labels": 4, "w1": 5, "b1": 6, "w2": 7, "b2": 8}


def blas_library():
    """The BLAS this process loaded, read from its memory map: Debian switches libblas.so.3
    between the reference BLAS (libblas3, ~6 GFLOP/s here) and OpenBLAS (libopenblas0-pthread,
    ~140) with update-alternatives, and the two differ by 20x."""
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line}
    except OSError:
        return "BLAS unknown"
    if any("openblas" in p for p in paths):
        return "OpenBLAS"
    if any("mkl" in p for p in paths):
        return "MKL"
    if paths:
        return "reference BLAS: install libopenblas0-pthread"
    return "BLAS unknown"


def batch_ranges(task):
    samples, batch = task["samples"], task["batch"]
    return [(s, min(s + batch, samples)) for s in range(0, samples, batch)]


def time_per_call(fn, min_seconds):
    """Seconds per call of fn, calling it until min_seconds have passed (timer resolution)."""
    calls = 0
    start = time.perf_counter()
    while True:
        fn()
        calls += 1
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return elapsed / calls


def cli(framework, version, prepare, run):
    parser = argparse.ArgumentParser(description=f"{framework} timings for npm run bench, as JSON")
    parser.add_argument("kind", choices=sorted(prepare))
    for name in ("m", "k", "n", "samples", "batch", "inputs", "hidden", "classes"):
        parser.add_argument(f"--{name}", type=int)
    parser.add_argument("--form", choices=["ab", "atb", "abt"], default="ab")
    parser.add_argument("--lr", type=float, default=0.1)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--min-seconds", type=float, default=0.05)
    args = parser.parse_args()
    needed = ("m", "k", "n", "form") if args.kind == "matmul" else ("samples", "batch", "inputs", "hidden", "classes", "lr")
    task = {"kind": args.kind, **{name: getattr(args, name) for name in needed if getattr(args, name) is not None}}
    missing = [f"--{name}" for name in needed if name not in task]
    if missing:
        parser.error(f"{args.kind} needs {' '.join(missing)}")
    prepared = prepare[args.kind](task)
    for _ in range(args.warmup):
        run[args.kind](prepared, args.min_seconds)
    samples = [run[args.kind](prepared, args.min_seconds) for _ in range(args.runs)]
    print(json.dumps({"framework": framework, "version": version(), "task": task, "runs": samples}))
