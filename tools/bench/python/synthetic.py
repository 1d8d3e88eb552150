"""The benchmark's inputs, bit-for-bit those of tools/bench/src/synthetic.ts (read that file
for why): a counter-based hash of (stream, index), vectorised with wrapping uint32 arithmetic."""
import numpy as np

STREAM_STRIDE = 0x9E3779B9


def _lowbias32(x):
    x = x ^ (x >> np.uint32(16))
    x = x * np.uint32(0x7FEB352D)
    x = x ^ (x >> np.uint32(15))
    x = x * np.uint32(0x846CA68B)
    x = x ^ (x >> np.uint32(16))
    return x


def _unit(stream, n):
    base = np.uint32((stream * STREAM_STRIDE) & 0xFFFFFFFF)
    with np.errstate(over="ignore"):
        index = np.arange(n, dtype=np.uint32) + base
        return (_lowbias32(index) >> np.uint32(8)).astype(np.float64) / 2.0**24


def uniform_array(stream, n, low, high):
    """n floats uniform in [low, high), computed in float64 and rounded to float32."""
    return (low + (high - low) * _unit(stream, n)).astype(np.float32)


def class_array(stream, n, classes):
    """n integers uniform in [0, classes)."""
    return np.floor(_unit(stream, n) * classes).astype(np.int64)
