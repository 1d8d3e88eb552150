"""PyTorch side of `npm run bench`: matmul products and one MLP epoch the usual way (nn.Sequential,
F.cross_entropy, optim.SGD), float32, on the same synthetic data and initial weights as every other
framework. Two threads (the machine's cores); run it with OMP_WAIT_POLICY=PASSIVE, else idle OpenMP
threads spin against the BLAS threads and a step is several times slower (bench_worker.py and the
Node benchmark set both).

    OMP_WAIT_POLICY=PASSIVE python3 torch_bench.py matmul --m 1024 --k 1024 --n 1024
    OMP_WAIT_POLICY=PASSIVE python3 torch_bench.py mlp_epoch --samples 12000 --batch 128 --inputs 784 --hidden 256 --classes 10"""
import os
import time

import torch

import synthetic
from bench_common import STREAMS, batch_ranges, blas_library, cli, time_per_call

FRAMEWORK = "torch"
THREADS = int(os.environ.get("DLCOURSE_BENCH_TORCH_THREADS", "2"))
torch.set_num_threads(THREADS)


def version():
    return f"{torch.__version__} ({torch.get_num_threads()} threads, {blas_library()})"


def tensor(stream, n, low, high):
    return torch.from_numpy(synthetic.uniform_array(stream, n, low, high))


def prepare_matmul(task):
    m, k, n, form = task["m"], task["k"], task["n"], task["form"]
    a = tensor(STREAMS["matmulA"], m * k, -1, 1)
    b = tensor(STREAMS["matmulB"], k * n, -1, 1)
    a = a.reshape(k, m).t() if form == "atb" else a.reshape(m, k)
    b = b.reshape(n, k).t() if form == "abt" else b.reshape(k, n)
    return lambda: a @ b


def run_matmul(prepared, min_seconds):
    with torch.no_grad():
        return {"seconds": time_per_call(prepared, min_seconds)}


def prepare_mlp(task):
    samples, inputs, hidden, classes = task["samples"], task["inputs"], task["hidden"], task["classes"]
    x = tensor(STREAMS["samples"], samples * inputs, 0, 1).reshape(samples, inputs)
    y = torch.from_numpy(synthetic.class_array(STREAMS["labels"], samples, classes))
    bound1, bound2 = 1 / inputs**0.5, 1 / hidden**0.5
    init = {
        "0.weight": tensor(STREAMS["w1"], hidden * inputs, -bound1, bound1).reshape(hidden, inputs),
        "0.bias": tensor(STREAMS["b1"], hidden, -bound1, bound1),
        "2.weight": tensor(STREAMS["w2"], classes * hidden, -bound2, bound2).reshape(classes, hidden),
        "2.bias": tensor(STREAMS["b2"], classes, -bound2, bound2),
    }
    batches = [(x[s:e], y[s:e]) for s, e in batch_ranges(task)]
    return {"task": task, "batches": batches, "init": init}


def run_mlp(prepared, _min_seconds):
    task = prepared["task"]
    model = torch.nn.Sequential(
        torch.nn.Linear(task["inputs"], task["hidden"]), torch.nn.ReLU(), torch.nn.Linear(task["hidden"], task["classes"])
    )
    model.load_state_dict(prepared["init"])
    optimizer = torch.optim.SGD(model.parameters(), lr=task["lr"])
    loss_sum = torch.zeros(())
    start = time.perf_counter()
    for xb, yb in prepared["batches"]:
        optimizer.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(xb), yb)
        loss.backward()
        optimizer.step()
        loss_sum += loss.detach()
    total = loss_sum.item()
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "loss": total / len(prepared["batches"])}


PREPARE = {"matmul": prepare_matmul, "mlp_epoch": prepare_mlp}
RUN = {"matmul": run_matmul, "mlp_epoch": run_mlp}

if __name__ == "__main__":
    cli(FRAMEWORK, version, PREPARE, RUN)
