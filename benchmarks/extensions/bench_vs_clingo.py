#!/usr/bin/env python3
"""Times the crisp semantics against clingo with the ASP encodings beside this script.

Generates ICCMA-style frameworks (apx files) in three families and several sizes, then runs one
task per (family, size) with narrative_bench_extensions (CaDiCaL) and with clingo, each as a
separate process with a timeout, in the same run:
  random      Erdos-Renyi, each ordered pair attacked with probability d/n (mean out-degree d = 2)
  grid        a square grid; each pair of neighbours attacks one way or both ways
  scale-free  Barabasi-Albert (2 links per new argument), random direction, 20 % mutual
Tasks: se-preferred (one preferred extension), se-stable (one stable extension), dc-preferred
(credulous acceptance of argument a0; clingo: an admissible set containing it).
Times are wall-clock seconds of the whole process (reading, grounding, solving).

Usage: bench_vs_clingo.py BENCH_BINARY [--sizes 1000,10000,100000] [--timeout 60] [--seed 1]
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def random_af(n, rng, degree=2.0):
    m = int(degree * n)
    att = set()
    while len(att) < m:
        a, b = rng.randrange(n), rng.randrange(n)
        att.add((a, b))
    return att


def grid_af(n, rng):
    side = max(2, int(n ** 0.5 + 1))  # the last row is partial: exactly n arguments
    att = set()
    for r in range(side):
        for c in range(side):
            v = r * side + c
            if v >= n:
                continue
            for w in ([v + 1] if c + 1 < side else []) + ([v + side] if r + 1 < side else []):
                if w >= n:
                    continue
                x = rng.random()
                if x < 0.5:
                    att.update({(v, w), (w, v)})
                elif x < 0.75:
                    att.add((v, w))
                else:
                    att.add((w, v))
    return att


def scale_free_af(n, rng, links=2):
    att = set()
    targets = [0, 1]
    for v in range(2, n):
        chosen = {rng.choice(targets) for _ in range(links)}
        for w in chosen:
            x = rng.random()
            if x < 0.2:
                att.update({(v, w), (w, v)})
            elif x < 0.6:
                att.add((v, w))
            else:
                att.add((w, v))
            targets += [v, w]
    return att


def write_apx(path, n, att):
    with open(path, "w") as f:
        for i in range(n):
            f.write("arg(a%d).\n" % i)
        for a, b in sorted(att):
            f.write("att(a%d,a%d).\n" % (a, b))


def timed(cmd, timeout, stdin=None):
    t0 = time.monotonic()
    try:
        run = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, stdin=stdin)
    except subprocess.TimeoutExpired:
        return None, None
    return time.monotonic() - t0, run


def run_clingo(apx, task, timeout):
    e = lambda *names: [os.path.join(HERE, n) for n in names]
    if task == "se-preferred":
        files, opts = e("af_base.lp", "admissible.lp", "maximise_in.lp"), ["--heuristic=Domain", "--enum-mode=domRec"]
    elif task == "se-stable":
        files, opts = e("af_base.lp", "stable.lp"), []
    else:
        files, opts = e("af_base.lp", "admissible.lp"), []
    extra = []
    if task == "dc-preferred":
        query = apx + ".query.lp"
        with open(query, "w") as f:
            f.write(":- not in(a0).\n")
        extra = [query]
    t, run = timed(["clingo", *files, apx, *extra, "-n", "1", "--outf=2", *opts], timeout)
    if t is None:
        return None, "timeout"
    data = json.loads(run.stdout)
    return t, data["Result"]


def run_ours(binary, apx, task, timeout):
    semantics = "stable" if task == "se-stable" else "preferred"
    kind = "dc" if task == "dc-preferred" else "se"
    t, run = timed([binary, "solve", apx, semantics, kind, "a0"], timeout)
    if t is None:
        return None, "timeout", None
    if run.returncode != 0:
        raise RuntimeError("narrative_bench_extensions failed: " + run.stderr.strip())
    data = json.loads(run.stdout)
    answer = ("SATISFIABLE" if (data["accepted"] if kind == "dc" else data["count"] > 0) else "UNSATISFIABLE")
    return t, answer, data


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("binary")
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--families", default="random,grid,scale-free")
    ap.add_argument("--tasks", default="se-preferred,se-stable,dc-preferred")
    opts = ap.parse_args()
    families = {"random": random_af, "grid": grid_af, "scale-free": scale_free_af}
    print("| family | arguments | attacks | task | narrative (s) | of which solve (s) | clingo (s) | clingo / narrative | answers equal |")
    print("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |")
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for family in opts.families.split(","):
            for n in map(int, opts.sizes.split(",")):
                rng = random.Random(opts.seed * 1000003 + n)
                att = families[family](n, rng)
                apx = os.path.join(tmp, "%s-%d.apx" % (family, n))
                write_apx(apx, n, att)
                for task in opts.tasks.split(","):
                    t_ours, ans_ours, data = run_ours(opts.binary, apx, task, opts.timeout)
                    t_clingo, ans_clingo = run_clingo(apx, task, opts.timeout)
                    equal = "n/a" if None in (t_ours, t_clingo) else ("yes" if ans_ours == ans_clingo else "NO")
                    if equal == "NO":
                        bad += 1
                    fmt = lambda t: ">%g (timeout)" % opts.timeout if t is None else "%.3f" % t
                    ratio = "n/a" if None in (t_ours, t_clingo) else "%.1f" % (t_clingo / t_ours)
                    solve = "%.3f" % data["solve"] if data else "n/a"
                    print("| %s | %d | %d | %s | %s | %s | %s | %s | %s |" % (
                        family, n, len(att), task, fmt(t_ours), solve, fmt(t_clingo), ratio, equal))
                    sys.stdout.flush()
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
