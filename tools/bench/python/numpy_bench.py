"""numpy side of `npm run bench`: matmul products and one MLP epoch written by hand (forward,
backward, SGD), all in float32 on the same synthetic data as every other framework.

    python3 numpy_bench.py matmul --m 128 --k 784 --n 256 --form atb [--runs 5]
    python3 numpy_bench.py mlp_epoch --samples 12000 --batch 128 --inputs 784 --hidden 256 --classes 10 --lr 0.1

print one JSON object with the timings of each run; bench_worker.py serves the same functions
to the Node benchmark, which interleaves them with the other frameworks."""
import time

import numpy as np

import synthetic
from bench_common import STREAMS, batch_ranges, blas_library, cli, time_per_call

FRAMEWORK = "numpy"


def version():
    return f"{np.__version__} ({blas_library()})"


def prepare_matmul(task):
    m, k, n, form = task["m"], task["k"], task["n"], task["form"]
    a = synthetic.uniform_array(STREAMS["matmulA"], m * k, -1, 1)
    b = synthetic.uniform_array(STREAMS["matmulB"], k * n, -1, 1)
    a = a.reshape(k, m).T if form == "atb" else a.reshape(m, k)
    b = b.reshape(n, k).T if form == "abt" else b.reshape(k, n)
    return lambda: a @ b


def run_matmul(prepared, min_seconds):
    return {"seconds": time_per_call(prepared, min_seconds)}


def prepare_mlp(task):
    samples, inputs, hidden, classes = task["samples"], task["inputs"], task["hidden"], task["classes"]
    x = synthetic.uniform_array(STREAMS["samples"], samples * inputs, 0, 1).reshape(samples, inputs)
    y = synthetic.class_array(STREAMS["labels"], samples, classes)
    bound1, bound2 = 1 / np.sqrt(inputs), 1 / np.sqrt(hidden)
    init = {
        "w1": synthetic.uniform_array(STREAMS["w1"], hidden * inputs, -bound1, bound1).reshape(hidden, inputs),
        "b1": synthetic.uniform_array(STREAMS["b1"], hidden, -bound1, bound1),
        "w2": synthetic.uniform_array(STREAMS["w2"], classes * hidden, -bound2, bound2).reshape(classes, hidden),
        "b2": synthetic.uniform_array(STREAMS["b2"], classes, -bound2, bound2),
    }
    batches = [(x[s:e], y[s:e]) for s, e in batch_ranges(task)]
    return {"task": task, "batches": batches, "init": init}


def run_mlp(prepared, _min_seconds):
    lr = np.float32(prepared["task"]["lr"])
    w1, b1, w2, b2 = (prepared["init"][k].copy() for k in ("w1", "b1", "w2", "b2"))
    loss_sum = 0.0
    start = time.perf_counter()
    for xb, yb in prepared["batches"]:
        rows = np.arange(len(yb))
        # forward
        h = xb @ w1.T
        h += b1
        np.maximum(h, 0, out=h)
        logits = h @ w2.T
        logits += b2
        # cross-entropy through a stable log-softmax
        shifted = logits - logits.max(axis=1, keepdims=True)
        exp = np.exp(shifted)
        sums = exp.sum(axis=1, keepdims=True)
        loss_sum += float(np.mean(np.log(sums[:, 0]) - shifted[rows, yb]))
        # backward: d loss / d logits = (softmax − one-hot) / batch
        dlogits = exp / sums
        dlogits[rows, yb] -= 1
        dlogits /= np.float32(len(yb))
        dw2 = dlogits.T @ h
        db2 = dlogits.sum(axis=0)
        dh = dlogits @ w2
        dh *= h > 0
        dw1 = dh.T @ xb
        db1 = dh.sum(axis=0)
        # SGD, in place
        for p, g in ((w1, dw1), (b1, db1), (w2, dw2), (b2, db2)):
            p -= lr * g
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "loss": loss_sum / len(prepared["batches"])}


PREPARE = {"matmul": prepare_matmul, "mlp_epoch": prepare_mlp}
RUN = {"matmul": run_matmul, "mlp_epoch": run_mlp}

if __name__ == "__main__":
    cli(FRAMEWORK, version, PREPARE, RUN)
