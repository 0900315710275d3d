#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""A peer for the end-to-end benchmark: DF-QuAD by Jacobi iteration in numpy, end to end from
the case file (json.load, arrays, iteration), as a short script would do it. It reads the
asserted relations only (compare with `narrative score --no-infer`) and takes the bases as
narrative does (statement base, else the actor's prior, else 0.5). Needs python3-numpy.

Usage: peer_dfquad.py CASE [--tolerance 1e-9] [--max-iterations 1000] [--strengths FILE]
"""
import argparse
import json
import sys
import time

import numpy as np


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("case")
    p.add_argument("--tolerance", type=float, default=1e-9)
    p.add_argument("--max-iterations", type=int, default=1000)
    p.add_argument("--strengths", help="write one strength per line, in file order")
    a = p.parse_args()

    t0 = time.perf_counter()
    with open(a.case, "rb") as f:
        doc = json.load(f)
    t1 = time.perf_counter()
    priors = {x["id"]: x.get("prior", 0.5) for x in doc.get("actors", [])}
    statements = doc["statements"]
    index = {s["id"]: i for i, s in enumerate(statements)}
    base = np.array([s["base"] if "base" in s else priors.get(s.get("actor"), 0.5) for s in statements])
    src, dst, w, attack = [], [], [], []
    for r in doc.get("relations", []):
        u, v = index[r["from"]], index[r["to"]]
        weight = r.get("weight", 1.0)
        contra = r["type"] == "contradicts"
        directed = r.get("directed", not contra)
        src.append(u); dst.append(v); w.append(weight); attack.append(contra)
        if not directed:
            src.append(v); dst.append(u); w.append(weight); attack.append(contra)
    del doc
    src = np.array(src, dtype=np.int64)
    dst = np.array(dst, dtype=np.int64)
    w = np.array(w)
    attack = np.array(attack, dtype=bool)
    n = len(statements)
    t2 = time.perf_counter()

    sigma = base.copy()
    iterations, residual = 0, float("inf")
    with np.errstate(divide="ignore"):
        while iterations < a.max_iterations:
            logs = np.log1p(-w * sigma[src])  # log(1 - w·σ(parent)) per relation
            v_att = 1.0 - np.exp(np.bincount(dst[attack], weights=logs[attack], minlength=n))
            v_sup = 1.0 - np.exp(np.bincount(dst[~attack], weights=logs[~attack], minlength=n))
            new = np.where(v_att >= v_sup, base - base * (v_att - v_sup), base + (1.0 - base) * (v_sup - v_att))
            residual = float(np.max(np.abs(new - sigma))) if n else 0.0
            sigma = new
            iterations += 1
            if residual <= a.tolerance:
                break
    t3 = time.perf_counter()
    if a.strengths:
        np.savetxt(a.strengths, sigma, fmt="%.17g")
    print(f"peer df-quad: {n} statements, {len(src)} arcs; json.load {t1 - t0:.2f} s, arrays {t2 - t1:.2f} s, "
          f"{iterations} iterations {t3 - t2:.2f} s (residual {residual:.3g}); total {t3 - t0:.2f} s")
    return 0 if residual <= a.tolerance else 1


if __name__ == "__main__":
    sys.exit(main())
