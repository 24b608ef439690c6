"""R's default random stream, so that a seeded bootstrap repeats SparseMSE's exactly.

`set.seed(s)` in R (Mersenne-Twister, Inversion, Rejection) scrambles the seed with the
linear congruential step s <- 69069 s + 1 (mod 2^32) fifty times, then fills the 624
words of the MT19937 state with 624 more steps. `unif_rand()` is the tempered 32-bit
output times 2^-32, nudged away from 0 and 1. `rbinom` is Kachitvichyanukul &
Schmeiser's BTPE algorithm (inversion when n p < 30) exactly as R 4.2 codes it, and
`rmultinom` draws the first K - 1 cells by conditional binomials with the remaining
probability kept in extended precision, as R's C code does.

With these, `RStream(1234).rmultinom(n, counts)` returns the same resamples as
`set.seed(1234); rmultinom(1, n, counts)` in R 4.2, which is what lets the bootstrap
intervals be compared with SparseMSE's to the digit rather than "within a few per cent".
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

_MASK32 = 0xFFFFFFFF
_TO_UNIT = 2.3283064365386963e-10  # 2^-32
_HALF_ULP = 0.5 * 2.328306437080797e-10  # fixup() margin: half of 1 / (2^32 - 1)
_BLOCK = 624 * 8


def _scrambled_state(seed: int) -> list[int]:
    value = seed & _MASK32
    for _ in range(50):
        value = (69069 * value + 1) & _MASK32
    words = []
    for _ in range(625):  # word 0 is R's position counter, reset to 624 afterwards
        value = (69069 * value + 1) & _MASK32
        words.append(value)
    return words[1:]


def _r_pow_di(x: float, n: int) -> float:
    """x^n by repeated squaring, the rounding R_pow_di gives."""
    result = 1.0
    while True:
        if n & 1:
            result *= x
        n >>= 1
        if not n:
            return result
        x *= x


class RStream:
    """A uniform/binomial/multinomial generator that reproduces R's seeded output."""

    def __init__(self, seed: int) -> None:
        generator = np.random.MT19937()
        key = np.array(_scrambled_state(seed), dtype=np.uint32)
        generator.state = {"bit_generator": "MT19937", "state": {"key": key, "pos": 624}}
        self._bits = generator
        self._buffer: list[float] = []
        self._next = 0

    def unif_rand(self) -> float:
        """One U(0, 1) draw, never exactly 0 or 1."""
        if self._next >= len(self._buffer):
            raw = self._bits.random_raw(_BLOCK).astype(np.float64) * _TO_UNIT
            raw = np.where(raw <= 0.0, _HALF_ULP, raw)
            raw = np.where(1.0 - raw <= 0.0, 1.0 - _HALF_ULP, raw)
            self._buffer = raw.tolist()
            self._next = 0
        value = self._buffer[self._next]
        self._next += 1
        return value

    def rbinom(self, n: int, pp: float) -> int:
        """Binomial(n, pp) by R's algorithm."""
        if n == 0 or pp == 0.0:
            return 0
        if pp == 1.0:
            return n
        p = min(pp, 1.0 - pp)
        q = 1.0 - p
        r = p / q
        g = r * (n + 1)
        ix = self._inversion(n, q, g, r) if n * p < 30.0 else self._btpe(n, p, q, g, r)
        return n - ix if pp > 0.5 else ix

    def _inversion(self, n: int, q: float, g: float, r: float) -> int:
        qn = _r_pow_di(q, n)
        while True:
            ix = 0
            f = qn
            u = self.unif_rand()
            while True:
                if u < f:
                    return ix
                if ix > 110:
                    break
                u -= f
                ix += 1
                f *= g / ix - r

    def _btpe(self, n: int, p: float, q: float, g: float, r: float) -> int:
        ffm = n * p + p
        m = int(ffm)
        fm = float(m)
        npq = n * p * q
        p1 = int(2.195 * math.sqrt(npq) - 4.6 * q) + 0.5
        xm = fm + 0.5
        xl = xm - p1
        xr = xm + p1
        c = 0.134 + 20.5 / (15.3 + fm)
        al = (ffm - xl) / (ffm - xl * p)
        xll = al * (1.0 + 0.5 * al)
        al = (xr - ffm) / (xr * q)
        xlr = al * (1.0 + 0.5 * al)
        p2 = p1 * (1.0 + c + c)
        p3 = p2 + c / xll
        p4 = p3 + c / xlr
        while True:
            u = self.unif_rand() * p4
            v = self.unif_rand()
            if u <= p1:
                return int(xm - p1 * v + u)
            if u <= p2:
                x = xl + (u - p1) / c
                v = v * c + 1.0 - abs(xm - x) / p1
                if v > 1.0 or v <= 0.0:
                    continue
                ix = int(x)
            elif u > p3:
                ix = int(xr - math.log(v) / xlr)
                if ix > n:
                    continue
                v = v * (u - p3) * xlr
            else:
                ix = int(xl + math.log(v) / xll)
                if ix < 0:
                    continue
                v = v * (u - p2) * xll
            k = abs(ix - m)
            if k <= 20 or k >= npq / 2 - 1:
                f = 1.0
                if m < ix:
                    for i in range(m + 1, ix + 1):
                        f *= g / i - r
                elif m != ix:
                    for i in range(ix + 1, m + 1):
                        f /= g / i - r
                if v <= f:
                    return ix
                continue
            amaxp = (k / npq) * ((k * (k / 3.0 + 0.625) + 0.1666666666666) / npq + 0.5)
            ynorm = -k * k / (2.0 * npq)
            alv = math.log(v)
            if alv < ynorm - amaxp:
                return ix
            if alv <= ynorm + amaxp and alv <= _stirling_bound(n, ix, m, fm, xm, p, q):
                return ix

    def rmultinom(self, size: int, weights: Sequence[float] | np.ndarray) -> list[int]:
        """One multinomial draw of `size` over cells with the given (unnormalised) weights."""
        conditional = _conditional_probabilities(tuple(float(w) for w in weights))
        draw = [0] * len(conditional)
        left = size
        for k, pp in enumerate(conditional[:-1]):
            if pp != 0.0:
                draw[k] = self.rbinom(left, pp) if pp < 1.0 else left
                left -= draw[k]
            if left <= 0:
                return draw
        draw[-1] = left
        return draw


@lru_cache(maxsize=64)
def _conditional_probabilities(weights: tuple[float, ...]) -> tuple[float, ...]:
    """P(cell k | not in cells before k), as R's rmultinom computes them.

    R normalises in double precision, then keeps the remaining probability in long double;
    these do not depend on the draws, so a bootstrap computes them once.
    """
    total = 0.0
    for w in weights:
        if w > 0:
            total += w
    prob = [w / total for w in weights]
    remaining = np.longdouble(0.0)
    for value in prob:
        remaining += np.longdouble(value)
    conditional = []
    for value in prob:
        conditional.append(float(np.longdouble(value) / remaining) if value != 0.0 else 0.0)
        remaining -= np.longdouble(value)
    return tuple(conditional)


def _stirling_bound(n: int, ix: int, m: int, fm: float, xm: float, p: float, q: float) -> float:
    """BTPE's final acceptance bound, with the Stirling terms R 4.2 adds (all four '+')."""
    x1 = ix + 1.0
    f1 = fm + 1.0
    z = n + 1.0 - fm
    w = n - ix + 1.0
    bound = (
        xm * math.log(f1 / x1)
        + (n - m + 0.5) * math.log(z / w)
        + (ix - m) * math.log(w * p / (x1 * q))
    )
    for value in (f1, z, x1, w):  # added one by one, in C's left-to-right order
        sq = value * value
        bound += (
            (13860.0 - (462.0 - (132.0 - (99.0 - 140.0 / sq) / sq) / sq) / sq) / value / 166320.0
        )
    return bound
