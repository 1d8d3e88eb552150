"""Serves numpy_bench or torch_bench to the Node benchmark (tools/bench/src/frameworks/python.ts),
so that their runs interleave with the other frameworks' in one session without paying Python's
and torch's start-up at each run.

    python3 bench_worker.py numpy|torch

Prints {"ready": true, "version": …} once the framework imported (or an error and exit status 3
when it cannot be imported), then answers each request line {"task": {...}, "min_seconds": s}
with {"seconds": …, "loss"?: …} or {"error": "…"}. The last task's inputs stay prepared, so
repeated runs of one task time only the computation."""
import importlib
import json
import sys
import traceback


def main():
    name = sys.argv[1] if len(sys.argv) > 1 else ""
    if name not in ("numpy", "torch"):
        print(json.dumps({"error": f"usage: bench_worker.py numpy|torch (got {name!r})"}), flush=True)
        return 2
    try:
        module = importlib.import_module(f"{name}_bench")
    except ImportError as error:
        print(json.dumps({"error": f"cannot import {error.name or name}: {error}"}), flush=True)
        return 3
    print(json.dumps({"ready": True, "version": module.version()}), flush=True)
    prepared_key, prepared = None, None
    for line in sys.stdin:
        try:
            request = json.loads(line)
            task = request["task"]
            key = json.dumps(task, sort_keys=True)
            if key != prepared_key:
                prepared_key, prepared = None, None  # free the previous inputs first
                prepared, prepared_key = module.PREPARE[task["kind"]](task), key
            reply = module.RUN[task["kind"]](prepared, request.get("min_seconds", 0.05))
        except Exception as error:  # reported to the Node side, which notes it and goes on
            reply = {"error": f"{type(error).__name__}: {error}", "trace": traceback.format_exc(limit=3)}
        print(json.dumps(reply), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
