#!/usr/bin/python3
"""PyTorch golden fixtures for the engine.

What it writes (into packages/engine/test/golden/, compact JSON, all float64):

  ops.json    {"torch_version", "cases": [...]}: one case per (op, shapes, kwargs):
              {"name", "op", "inputs": [{"shape","dtype","data"}...], "kwargs",
               "output": {"shape","dtype","data"}, "upstream": {"shape","data"} | null,
               "grads": [{"shape","data"} | null per input]}
              Gradients come from out.backward(upstream), upstream a random tensor of the
              output's shape (not ones). Comparisons/argmax have no gradients (null).
  nn.json     {"torch_version", "cases": [...]}: linear, mseLoss, crossEntropy, nllLoss and a
              small mlp (Sequential(Linear, ReLU, Linear) + cross-entropy), with the parameters,
              outputs and gradients (parameters by their PyTorch state_dict names).
  optim.json  {"torch_version", "problem", "runs": [...]}: 20 steps of SGD / Adagrad / RMSprop /
              Adam (several configurations, all kwargs recorded explicitly in camelCase) on
              loss(p) = sum(c * (p - t)**2) + sum(w * tanh(p)); "losses" is the loss before each
              step, "params" the flat parameter after each step.

Every case is seeded from its own name (crc32), so adding a case does not change the others.
Data is flattened row-major; floats are written with Python's repr (shortest round-trip).
Inputs are chosen away from kinks and ties (relu/abs away from 0, max/min without ties,
positive arguments for log/sqrt/pow) so that the gradients are unambiguous.

Rerun (from the repository root):

    /usr/bin/python3 tools/golden/make_golden.py

Needs Debian's PyTorch: `apt-get install python3-torch` (1.13). Call /usr/bin/python3, not a
pyenv python3 without torch. The output is deterministic for a given torch version.
"""

import json
import math
import os
import zlib

import torch

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)
F64 = torch.float64
I64 = torch.int64

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
OUT_DIR = os.path.join(ROOT, "packages", "engine", "test", "golden")


# --------------------------------------------------------------------------------------------
# helpers


def seed(name):
    torch.manual_seed(zlib.crc32(name.encode("utf-8")))


def _check_finite(values, where):
    for v in values:
        if isinstance(v, float) and not math.isfinite(v):
            raise ValueError(f"non-finite value in {where}")


def enc(t, where="?"):
    """Tensor -> {"shape","dtype","data"}; bool tensors become float64 0/1."""
    t = t.detach()
    if t.dtype == torch.bool:
        t = t.to(F64)
    if t.dtype in (torch.int32, torch.int64):
        dtype, data = "int64", [int(v) for v in t.reshape(-1).tolist()]
    else:
        t = t.to(F64)
        dtype, data = "float64", [float(v) for v in t.reshape(-1).tolist()]
        _check_finite(data, where)
    return {"shape": list(t.shape), "dtype": dtype, "data": data}


def enc_grad(t, where="?"):
    if t is None:
        return None
    e = enc(t, where)
    return {"shape": e["shape"], "data": e["data"]}


def randn(*shape):
    return torch.randn(tuple(shape), dtype=F64)


def positive(*shape, lo=0.2, hi=2.5):
    return torch.rand(tuple(shape), dtype=F64) * (hi - lo) + lo


def away_from_zero(*shape, margin=0.1):
    x = torch.randn(tuple(shape), dtype=F64)
    return torch.sign(x) * (margin + x.abs()) + (x == 0).to(F64) * margin


def distinct(*shape):
    """Values without ties (a random permutation, scaled and jittered)."""
    n = 1
    for s in shape:
        n *= s
    perm = torch.randperm(n).to(F64)
    return ((perm - n / 2) * 0.37 + torch.rand(n, dtype=F64) * 0.1).reshape(tuple(shape))


# --------------------------------------------------------------------------------------------
# ops

CASES = []
NAMES = set()


def add_case(name, op, inputs, fn, kwargs=None, grad=True):
    """inputs: list of tensors (already generated). fn(list_of_tensors) -> output tensor."""
    if name in NAMES:
        raise ValueError(f"duplicate case name {name}")
    NAMES.add(name)
    kwargs = kwargs or {}
    leaves = []
    for x in inputs:
        x = x.detach().clone()
        if grad and x.is_floating_point():
            x.requires_grad_(True)
        leaves.append(x)
    out = fn(leaves)
    upstream = None
    grads = [None] * len(leaves)
    if grad and out.is_floating_point():
        upstream = randn(*out.shape)
        out.backward(upstream)
        grads = [enc_grad(x.grad, name) if x.requires_grad else None for x in leaves]
        upstream = enc_grad(upstream, name)
    CASES.append({
        "name": name,
        "op": op,
        "inputs": [enc(x, name) for x in leaves],
        "kwargs": kwargs,
        "output": enc(out, name),
        "upstream": upstream,
        "grads": grads,
    })


def shp(s):
    return "scalar" if len(s) == 0 else "x".join(str(d) for d in s)


UNARY_SHAPES = [[], [1], [4], [3, 4], [2, 3, 4]]


def make_unary():
    gens = {
        "neg": (randn, torch.neg),
        "exp": (randn, torch.exp),
        "log": (positive, torch.log),
        "sqrt": (positive, torch.sqrt),
        "abs": (away_from_zero, torch.abs),
        "relu": (away_from_zero, torch.relu),
        "sigmoid": (lambda *s: 3 * randn(*s), torch.sigmoid),
        "tanh": (lambda *s: 2 * randn(*s), torch.tanh),
    }
    for op, (gen, f) in gens.items():
        for s in UNARY_SHAPES:
            name = f"{op}/{shp(s)}"
            seed(name)
            add_case(name, op, [gen(*s)], lambda xs, f=f: f(xs[0]))
    # sigmoid/tanh/exp on large magnitudes (saturation, no overflow)
    for op, f, vals in [
        ("sigmoid", torch.sigmoid, [-40.0, -10.0, -1.0, 0.0, 1.0, 10.0, 40.0]),
        ("tanh", torch.tanh, [-30.0, -5.0, -0.5, 0.0, 0.5, 5.0, 30.0]),
        ("exp", torch.exp, [-50.0, -5.0, 0.0, 5.0, 50.0]),
    ]:
        name = f"{op}/large_magnitude"
        seed(name)
        add_case(name, op, [torch.tensor(vals, dtype=F64)], lambda xs, f=f: f(xs[0]))
    # pow with a scalar exponent
    for exponent, gen in [(2, randn), (0.5, positive), (3, randn), (-1, positive), (1.5, positive),
                          (0, randn)]:
        for s in [[], [4], [3, 4], [2, 3, 4]]:
            name = f"powScalar/{exponent}/{shp(s)}"
            seed(name)
            add_case(name, "powScalar", [gen(*s)], lambda xs, e=exponent: torch.pow(xs[0], e),
                     kwargs={"exponent": exponent})


BINARY_SHAPES = [
    ([3, 4], [3, 4]),
    ([], []),
    ([], [3, 4]),
    ([3, 4], []),
    ([1], [3, 4]),
    ([3, 4], [1]),
    ([3, 4], [4]),
    ([4], [3, 4]),
    ([3, 1], [1, 4]),
    ([3, 4], [3, 1]),
    ([2, 3, 4], [3, 1]),
    ([2, 1, 4], [1, 3, 1]),
    ([2, 3, 4], [2, 3, 4]),
]


def make_binary():
    gens = {
        "add": (randn, randn, torch.add),
        "sub": (randn, randn, torch.sub),
        "mul": (randn, randn, torch.mul),
        "div": (randn, lambda *s: away_from_zero(*s, margin=0.5), torch.div),
        "pow": (positive, randn, torch.pow),
        "maximum": (randn, randn, torch.maximum),
        "minimum": (randn, randn, torch.minimum),
    }
    for op, (ga, gb, f) in gens.items():
        for sa, sb in BINARY_SHAPES:
            name = f"{op}/{shp(sa)}_{shp(sb)}"
            seed(name)
            a, b = ga(*sa), gb(*sb)
            if op in ("maximum", "minimum"):
                # no ties: push b away from a where they are close
                ab = torch.broadcast_tensors(a, b)
                if (ab[0] - ab[1]).abs().min() < 1e-3:
                    b = b + 0.01
            add_case(name, op, [a, b], lambda xs, f=f: f(xs[0], xs[1]))

    # comparisons: small integers so that eq/le/ge see ties; output float64 0/1
    cmp = {"eq": torch.eq, "ne": torch.ne, "lt": torch.lt, "le": torch.le, "gt": torch.gt,
           "ge": torch.ge}
    for op, f in cmp.items():
        for sa, sb in [([3, 4], [3, 4]), ([], [3, 4]), ([3, 4], [4]), ([3, 1], [1, 4]),
                       ([2, 3, 4], [3, 1]), ([2, 1, 4], [1, 3, 1])]:
            name = f"{op}/{shp(sa)}_{shp(sb)}"
            seed(name)
            a = torch.randint(0, 3, sa if sa else ()).to(F64)
            b = torch.randint(0, 3, sb if sb else ()).to(F64)
            add_case(name, op, [a, b], lambda xs, f=f: f(xs[0], xs[1]).to(F64), grad=False)


def make_reductions():
    def dname(dim):
        if dim is None:
            return "all"
        if isinstance(dim, list):
            return "[" + ",".join(str(d) for d in dim) + "]"
        return str(dim)

    sum_mean_cfg = [
        ([4], None, False), ([3, 4], None, False), ([2, 3, 4], None, False),
        ([], None, False),
        ([4], 0, False), ([4], 0, True),
        ([3, 4], 0, False), ([3, 4], 1, False), ([3, 4], -1, True), ([3, 4], 0, True),
        ([2, 3, 4], 1, False), ([2, 3, 4], 1, True), ([2, 3, 4], -1, False),
        ([2, 3, 4], [0, 2], False), ([2, 3, 4], [0, 2], True), ([2, 3, 4], [1, 2], False),
        ([2, 3, 4], [0, 1, 2], False),
    ]
    for op, f in [("sum", torch.sum), ("mean", torch.mean)]:
        for s, dim, keep in sum_mean_cfg:
            name = f"{op}/{shp(s)}/dim={dname(dim)}/keepdim={str(keep).lower()}"
            seed(name)
            x = randn(*s)
            if dim is None:
                fn = lambda xs, f=f: f(xs[0])
            else:
                fn = lambda xs, f=f, d=dim, k=keep: f(xs[0], dim=d, keepdim=k)
            add_case(name, op, [x], fn, kwargs={"dim": dim, "keepdim": keep})

    # max/min (values only), argmax: no ties; dim an int or null (all)
    mm_cfg = [
        ([4], None, False), ([3, 4], None, False), ([2, 3, 4], None, False),
        ([4], 0, False), ([4], 0, True),
        ([3, 4], 0, False), ([3, 4], 1, False), ([3, 4], -1, True), ([3, 4], 0, True),
        ([2, 3, 4], 1, False), ([2, 3, 4], 1, True), ([2, 3, 4], 2, False), ([2, 3, 4], 0, True),
    ]
    for op in ("max", "min", "argmax"):
        for s, dim, keep in mm_cfg:
            name = f"{op}/{shp(s)}/dim={dname(dim)}/keepdim={str(keep).lower()}"
            seed(name)
            x = distinct(*s)
            if op == "argmax":
                if dim is None:
                    fn = lambda xs: torch.argmax(xs[0])
                else:
                    fn = lambda xs, d=dim, k=keep: torch.argmax(xs[0], dim=d, keepdim=k)
                add_case(name, op, [x], fn, kwargs={"dim": dim, "keepdim": keep}, grad=False)
                continue
            f = torch.max if op == "max" else torch.min
            if dim is None:
                fn = lambda xs, f=f: f(xs[0])
            else:
                fn = lambda xs, f=f, d=dim, k=keep: f(xs[0], dim=d, keepdim=k).values
            add_case(name, op, [x], fn, kwargs={"dim": dim, "keepdim": keep})

    lse_cfg = [
        ([4], 0, False), ([3, 4], 1, False), ([3, 4], 0, True), ([3, 4], -1, True),
        ([2, 3, 4], 2, False), ([2, 3, 4], 1, True), ([2, 3, 4], [1, 2], False),
    ]
    for s, dim, keep in lse_cfg:
        name = f"logsumexp/{shp(s)}/dim={dname(dim)}/keepdim={str(keep).lower()}"
        seed(name)
        x = 2 * randn(*s)
        add_case(name, "logsumexp", [x],
                 lambda xs, d=dim, k=keep: torch.logsumexp(xs[0], dim=d, keepdim=k),
                 kwargs={"dim": dim, "keepdim": keep})
    # large magnitude rows: must not overflow
    name = "logsumexp/large_magnitude"
    seed(name)
    x = torch.tensor([[1000.0, 999.0, -1000.0], [-800.0, -801.0, -799.5]], dtype=F64)
    add_case(name, "logsumexp", [x], lambda xs: torch.logsumexp(xs[0], dim=1, keepdim=False),
             kwargs={"dim": 1, "keepdim": False})


def make_matmul():
    for sa, sb in [([3, 4], [4, 5]), ([1, 4], [4, 1]), ([5, 1], [1, 3]), ([2, 3, 4], [2, 4, 5]),
                   ([2, 3, 4], [4, 5]), ([2, 1, 3, 4], [1, 2, 4, 5]), ([3, 4], [2, 4, 2])]:
        name = f"matmul/{shp(sa)}_{shp(sb)}"
        seed(name)
        add_case(name, "matmul", [randn(*sa), randn(*sb)], lambda xs: torch.matmul(xs[0], xs[1]))


def make_shape_ops():
    for s, new in [([3, 4], [4, 3]), ([3, 4], [12]), ([3, 4], [-1]), ([2, 3, 4], [6, -1]),
                   ([2, 3, 4], [2, 1, 12]), ([12], [3, 2, 2]), ([1], []), ([], [1, 1])]:
        name = f"reshape/{shp(s)}_to_{'x'.join(str(d) for d in new) or 'scalar'}"
        seed(name)
        add_case(name, "reshape", [randn(*s)], lambda xs, n=new: xs[0].reshape(n),
                 kwargs={"shape": new})
    for s, d0, d1 in [([3, 4], 0, 1), ([3, 4], 1, 0), ([2, 3, 4], 0, 2), ([2, 3, 4], 1, -1),
                      ([2, 3, 4], 1, 1)]:
        name = f"transpose/{shp(s)}/{d0},{d1}"
        seed(name)
        add_case(name, "transpose", [randn(*s)], lambda xs, a=d0, b=d1: xs[0].transpose(a, b),
                 kwargs={"dim0": d0, "dim1": d1})
    for s, dims in [([3, 4], [1, 0]), ([2, 3, 4], [2, 0, 1]), ([2, 3, 4], [1, 2, 0]),
                    ([2, 3, 4, 5], [3, 1, 0, 2]), ([2, 3, 4], [0, 1, 2])]:
        name = f"permute/{shp(s)}/{','.join(str(d) for d in dims)}"
        seed(name)
        add_case(name, "permute", [randn(*s)], lambda xs, p=dims: xs[0].permute(*p),
                 kwargs={"dims": dims})
    for s, dim in [([3, 1], 1), ([1, 4], 0), ([2, 1, 4], 1), ([2, 1, 4], -2), ([1], 0),
                   ([3, 1, 1], None), ([1, 3, 1, 4], None), ([3, 4], 0)]:
        name = f"squeeze/{shp(s)}/dim={'all' if dim is None else dim}"
        seed(name)
        fn = (lambda xs: xs[0].squeeze()) if dim is None else (lambda xs, d=dim: xs[0].squeeze(d))
        add_case(name, "squeeze", [randn(*s)], fn, kwargs={"dim": dim})
    for s, dim in [([4], 0), ([4], 1), ([4], -1), ([3, 4], 1), ([3, 4], -1), ([2, 3, 4], 0),
                   ([], 0)]:
        name = f"unsqueeze/{shp(s)}/dim={dim}"
        seed(name)
        add_case(name, "unsqueeze", [randn(*s)], lambda xs, d=dim: xs[0].unsqueeze(d),
                 kwargs={"dim": dim})

    # gather: index the second input (int64), with repeated indices (gradient accumulation)
    for s, dim, ishape in [([3, 4], 1, [3, 2]), ([3, 4], 1, [3, 6]), ([3, 4], 0, [5, 4]),
                           ([3, 4], -1, [2, 3]), ([2, 3, 4], 2, [2, 3, 1]),
                           ([2, 3, 4], 1, [2, 4, 4]), ([5], 0, [7])]:
        name = f"gather/{shp(s)}/dim={dim}/index={shp(ishape)}"
        seed(name)
        x = randn(*s)
        idx = torch.randint(0, s[dim], ishape, dtype=I64)
        add_case(name, "gather", [x, idx], lambda xs, d=dim: torch.gather(xs[0], d, xs[1]),
                 kwargs={"dim": dim})

    for shapes, dim in [([[2, 3], [4, 3]], 0), ([[2, 3], [2, 1], [2, 2]], 1),
                        ([[2, 3], [2, 2]], -1), ([[2, 3, 4], [2, 1, 4]], 1), ([[3], [2]], 0),
                        ([[2, 3, 1], [2, 3, 2]], 2)]:
        name = f"cat/{'_'.join(shp(s) for s in shapes)}/dim={dim}"
        seed(name)
        add_case(name, "cat", [randn(*s) for s in shapes],
                 lambda xs, d=dim: torch.cat(xs, dim=d), kwargs={"dim": dim})
    for shapes, dim in [([[3], [3]], 0), ([[3], [3], [3]], 1), ([[2, 3], [2, 3]], 0),
                        ([[2, 3], [2, 3]], 1), ([[2, 3], [2, 3], [2, 3]], 2),
                        ([[2, 3], [2, 3]], -1), ([[], []], 0)]:
        name = f"stack/{len(shapes)}x{shp(shapes[0])}/dim={dim}"
        seed(name)
        add_case(name, "stack", [randn(*s) for s in shapes],
                 lambda xs, d=dim: torch.stack(xs, dim=d), kwargs={"dim": dim})

    for op, f in [("softmax", torch.softmax), ("logSoftmax", torch.log_softmax)]:
        for s, dim in [([4], 0), ([3, 4], 1), ([3, 4], 0), ([3, 4], -1), ([2, 3, 4], 1),
                       ([2, 3, 4], 2)]:
            name = f"{op}/{shp(s)}/dim={dim}"
            seed(name)
            add_case(name, op, [2 * randn(*s)], lambda xs, f=f, d=dim: f(xs[0], d),
                     kwargs={"dim": dim})
        name = f"{op}/large_magnitude"
        seed(name)
        x = torch.tensor([[50.0, -50.0, 0.0, 49.0], [-1000.0, 1000.0, 999.0, -999.0],
                          [700.0, 710.0, 705.0, 690.0]], dtype=F64)
        add_case(name, op, [x], lambda xs, f=f: f(xs[0], 1), kwargs={"dim": 1})


# --------------------------------------------------------------------------------------------
# nn


def make_nn():
    cases = []
    # linear
    for d, m, xshape in [(3, 2, [4, 3]), (5, 4, [1, 5]), (1, 3, [6, 1]), (4, 1, [3, 4]),
                         (3, 2, [2, 4, 3])]:
        name = f"linear/{d}to{m}/x={shp(xshape)}"
        seed(name)
        lin = torch.nn.Linear(d, m).to(F64)
        x = randn(*xshape).requires_grad_(True)
        out = lin(x)
        up = randn(*out.shape)
        out.backward(up)
        cases.append({
            "name": name, "kind": "linear", "in": d, "out": m,
            "x": enc(x), "weight": enc(lin.weight), "bias": enc(lin.bias),
            "output": enc(out), "upstream": enc(up),
            "grads": {"x": enc(x.grad), "weight": enc(lin.weight.grad), "bias": enc(lin.bias.grad)},
        })

    # mseLoss
    for shape in ([4], [3, 4], [2, 3, 2]):
        for red in ("mean", "sum", "none"):
            name = f"mseLoss/{shp(shape)}/{red}"
            seed(name)
            inp = randn(*shape).requires_grad_(True)
            tgt = randn(*shape)
            out = torch.nn.functional.mse_loss(inp, tgt, reduction=red)
            up = randn(*out.shape) if red == "none" else None
            out.backward(up)
            cases.append({
                "name": name, "kind": "mseLoss", "reduction": red,
                "input": enc(inp), "target": enc(tgt), "output": enc(out),
                "upstream": enc(up) if up is not None else None,
                "grads": {"input": enc(inp.grad)},
            })

    # crossEntropy (from logits) and nllLoss (from log-probabilities)
    def logits_for(n, c, large):
        x = 2 * randn(n, c)
        if large:
            x[0] = torch.tensor([50.0, -50.0] + [0.0] * (c - 2), dtype=F64)[:c]
            x[1] = torch.linspace(-50.0, 50.0, c, dtype=F64)
            x[-1] = x[-1] * 25.0
        return x

    for n, c, large in [(4, 3, False), (5, 4, True), (1, 2, False), (6, 10, True)]:
        for red in ("mean", "sum", "none"):
            for kind in ("crossEntropy", "nllLoss"):
                name = f"{kind}/{n}x{c}{'/large' if large else ''}/{red}"
                seed(name)
                logits = logits_for(n, c, large)
                tgt = torch.randint(0, c, (n,), dtype=I64)
                if large:
                    tgt[0] = 1  # the -50 class: large loss
                    tgt[1] = c - 1  # the +50 class: loss ~0
                if kind == "crossEntropy":
                    inp = logits.clone().requires_grad_(True)
                    out = torch.nn.functional.cross_entropy(inp, tgt, reduction=red)
                else:
                    inp = torch.log_softmax(logits, 1).detach().requires_grad_(True)
                    out = torch.nn.functional.nll_loss(inp, tgt, reduction=red)
                up = randn(*out.shape) if red == "none" else None
                out.backward(up)
                cases.append({
                    "name": name, "kind": kind, "reduction": red,
                    "input": enc(inp), "target": enc(tgt), "output": enc(out),
                    "upstream": enc(up) if up is not None else None,
                    "grads": {"input": enc(inp.grad)},
                })

    # mlp: Sequential(Linear(D,H), ReLU, Linear(H,C)) + mean cross-entropy
    for d, h, c, n in [(4, 5, 3, 6), (8, 16, 10, 12)]:
        name = f"mlp/{d}-{h}-{c}/n={n}"
        seed(name)
        model = torch.nn.Sequential(torch.nn.Linear(d, h), torch.nn.ReLU(),
                                    torch.nn.Linear(h, c)).to(F64)
        x = randn(n, d)
        tgt = torch.randint(0, c, (n,), dtype=I64)
        logits = model(x)
        # keep hidden pre-activations away from the ReLU kink
        pre = model[0](x)
        assert pre.abs().min().item() > 1e-6, name
        loss = torch.nn.functional.cross_entropy(logits, tgt)
        loss.backward()
        cases.append({
            "name": name, "kind": "mlp", "D": d, "H": h, "C": c,
            "x": enc(x), "target": enc(tgt),
            "params": {k: enc(v) for k, v in model.state_dict().items()},
            "logits": enc(logits), "loss": enc(loss),
            "grads": {k: enc(p.grad) for k, p in model.named_parameters()},
        })
    return cases


# --------------------------------------------------------------------------------------------
# optim

DEFAULTS = {
    "SGD": {"lr": None, "momentum": 0.0, "dampening": 0.0, "nesterov": False, "weight_decay": 0.0},
    "Adagrad": {"lr": 0.01, "lr_decay": 0.0, "weight_decay": 0.0, "initial_accumulator_value": 0.0,
                "eps": 1e-10},
    "RMSprop": {"lr": 0.01, "alpha": 0.99, "eps": 1e-8, "weight_decay": 0.0, "momentum": 0.0,
                "centered": False},
    "Adam": {"lr": 0.001, "betas": (0.9, 0.999), "eps": 1e-8, "weight_decay": 0.0,
             "amsgrad": False},
}

CONFIGS = [
    ("SGD lr=0.05", "SGD", {"lr": 0.05}),
    ("SGD momentum=0.9", "SGD", {"lr": 0.01, "momentum": 0.9}),
    ("SGD momentum=0.9 nesterov", "SGD", {"lr": 0.01, "momentum": 0.9, "nesterov": True}),
    ("SGD momentum=0.9 dampening=0.1", "SGD", {"lr": 0.01, "momentum": 0.9, "dampening": 0.1}),
    ("SGD weight_decay=0.01", "SGD", {"lr": 0.05, "weight_decay": 0.01}),
    ("Adagrad lr=0.1", "Adagrad", {"lr": 0.1}),
    ("Adagrad lr_decay=0.01 initial_accumulator_value=0.1", "Adagrad",
     {"lr": 0.1, "lr_decay": 0.01, "initial_accumulator_value": 0.1}),
    ("RMSprop lr=0.01", "RMSprop", {"lr": 0.01}),
    ("RMSprop centered", "RMSprop", {"lr": 0.01, "centered": True}),
    ("RMSprop momentum=0.9", "RMSprop", {"lr": 0.01, "momentum": 0.9}),
    ("Adam lr=0.01", "Adam", {"lr": 0.01}),
    ("Adam betas=(0.8,0.9) weight_decay=0.01", "Adam",
     {"lr": 0.01, "betas": (0.8, 0.9), "weight_decay": 0.01}),
    # lr/betas chosen so that the amsgrad maximum differs from plain Adam from step 2 on
    ("Adam amsgrad", "Adam", {"lr": 0.1, "betas": (0.9, 0.99), "amsgrad": True}),
    ("Adam lr=0.1 betas=(0.9,0.99)", "Adam", {"lr": 0.1, "betas": (0.9, 0.99)}),
]


def camel(k):
    parts = k.split("_")
    return parts[0] + "".join(p.capitalize() for p in parts[1:])


def make_optim():
    seed("optim/problem")
    shape = (3, 4)
    p0 = randn(*shape)
    c = torch.exp(torch.linspace(math.log(0.1), math.log(10.0), 12, dtype=F64))
    c = c[torch.randperm(12)].reshape(shape)
    t = randn(*shape)
    w = randn(*shape)

    def loss_fn(p):
        return torch.sum(c * (p - t) ** 2) + torch.sum(w * torch.tanh(p))

    problem = {
        "loss": "sum(c * (p - t)**2) + sum(w * tanh(p))",
        "steps": 20,
        "p0": enc(p0), "c": enc(c), "t": enc(t), "w": enc(w),
    }
    runs = []
    for name, opt_name, opts in CONFIGS:
        kwargs = dict(DEFAULTS[opt_name])
        kwargs.update(opts)
        p = p0.clone().requires_grad_(True)
        opt = getattr(torch.optim, opt_name)([p], **kwargs)
        losses, params = [], []
        for _ in range(problem["steps"]):
            opt.zero_grad()
            loss = loss_fn(p)
            losses.append(float(loss.item()))
            loss.backward()
            opt.step()
            params.append([float(v) for v in p.detach().reshape(-1).tolist()])
        _check_finite(losses, name)
        for row in params:
            _check_finite(row, name)
        options = {camel(k): (list(v) if isinstance(v, tuple) else v) for k, v in kwargs.items()}
        runs.append({"name": name, "optimizer": opt_name, "options": options,
                     "losses": losses, "params": params})
    return problem, runs


# --------------------------------------------------------------------------------------------


def write(fname, obj):
    path = os.path.join(OUT_DIR, fname)
    with open(path, "w") as f:
        json.dump(obj, f, separators=(",", ":"), allow_nan=False)
        f.write("\n")
    print(f"wrote {os.path.relpath(path, ROOT)} ({os.path.getsize(path)} bytes)")


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    version = torch.__version__
    make_unary()
    make_binary()
    make_reductions()
    make_matmul()
    make_shape_ops()
    write("ops.json", {"torch_version": version, "cases": CASES})
    write("nn.json", {"torch_version": version, "cases": make_nn()})
    problem, runs = make_optim()
    write("optim.json", {"torch_version": version, "problem": problem, "runs": runs})
    print(f"{len(CASES)} op cases")


if __name__ == "__main__":
    main()
