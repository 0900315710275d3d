#!/usr/bin/env python3
"""Cross-checks `narrative extensions` against clingo (Debian package gringo) on random AFs.

The ASP encodings beside this script are written from the definitions (semantics reference
§7.1): conflict-free guess (af_base.lp), admissible, complete and stable constraints, and
subset-maximisation by clingo's domain heuristic (--heuristic=Domain --enum-mode=domRec) on the
members (preferred) or on the range (semi-stable, stage). Grounded is the cautious consequence
of the complete encoding; ideal is the maximal admissible subset of the intersection of the
preferred extensions. For every AF and every semantics the set of extensions must be equal, and
credulous and sceptical acceptance of one random argument must match.

With --support deductive or necessary (or all: the three readings in turn), each AF also gets
random supports, and the attack relation is derived in ASP (support_deductive.lp,
support_necessary.lp: the derived attacks of Cayrol & Lagasquie-Schiex 2013 and, for the
necessary reading, the unfounded arguments rejected through a sentinel attacker).

Usage: clingo_crosscheck.py NARRATIVE_BINARY [--count 1000] [--max-args 15] [--seed 1]
                            [--support none|deductive|necessary|all]
Exit 0 when every answer is equal, 1 otherwise.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SEMANTICS = ["grounded", "complete", "preferred", "stable", "semi-stable", "stage", "ideal"]


def enc(*names):
    return [os.path.join(HERE, n) for n in names]


def clingo(files, facts, *options):
    """Witnesses of clingo as lists of atoms."""
    run = subprocess.run(["clingo", *files, "-", "-n", "0", "--outf=2", *options],
                         input=facts, capture_output=True, text=True)
    if run.returncode not in (10, 20, 30):  # satisfiable, unsatisfiable, exhausted
        raise RuntimeError("clingo failed (%d): %s" % (run.returncode, run.stderr))
    data = json.loads(run.stdout)
    return [w.get("Value", []) for w in data["Call"][0].get("Witnesses", [])]


def atoms(values, pred):
    prefix = pred + "("
    return frozenset(v[len(prefix):-1] for v in values if v.startswith(prefix))


SUPPORT_ENCODING = {"deductive": "support_deductive.lp", "necessary": "support_necessary.lp"}


def clingo_extensions(semantics, facts, support="none"):
    """The extensions under `semantics`, the sentinel of the necessary reading removed."""
    if support == "none":
        return extensions_of(semantics, facts, [])
    found = extensions_of(semantics, facts, enc(SUPPORT_ENCODING[support]))
    return {e - {"sentinel"} for e in found}


def extensions_of(semantics, facts, extra):
    maxdom = ["--heuristic=Domain", "--enum-mode=domRec"]
    if semantics == "complete":
        return {atoms(w, "in") for w in clingo(extra + enc("af_base.lp", "complete.lp"), facts)}
    if semantics == "stable":
        return {atoms(w, "in") for w in clingo(extra + enc("af_base.lp", "stable.lp"), facts)}
    if semantics == "grounded":
        ws = clingo(extra + enc("af_base.lp", "complete.lp"), facts, "--enum-mode=cautious")
        return {atoms(ws[-1], "in")}
    if semantics == "preferred":
        return {atoms(w, "in") for w in clingo(extra + enc("af_base.lp", "admissible.lp", "maximise_in.lp"), facts, *maxdom)}
    if semantics in ("semi-stable", "stage"):
        base = extra + (enc("af_base.lp", "complete.lp") if semantics == "semi-stable" else enc("af_base.lp"))
        ranges = {atoms(w, "range") for w in clingo(base + enc("maximise_range.lp"), facts, *maxdom)}
        out = set()
        for r in ranges:
            fix = "".join("r(%s)." % a for a in r) + ":- range(X), not r(X).\n:- r(X), not range(X).\n"
            fix += "r(X) :- r(X).\n"  # declares r/1 when the range is empty
            out |= {atoms(w, "in") for w in clingo(base, facts + fix)}
        return out
    if semantics == "ideal":
        preferred = extensions_of("preferred", facts, extra)
        common = frozenset.intersection(*preferred)
        fix = "".join("common(%s)." % a for a in common) + ":- in(X), not common(X).\ncommon(X) :- common(X).\n"
        found = {atoms(w, "in") for w in clingo(extra + enc("af_base.lp", "admissible.lp", "maximise_in.lp"), facts + fix, *maxdom)}
        if len(found) != 1:
            raise RuntimeError("ideal not unique: %r" % found)
        return found
    raise ValueError(semantics)


def ours(binary, case, semantics, support, task="ee", statement=None):
    cmd = [binary, "extensions", case, "--semantics", semantics, "--task", task, "--limit", "0", "--format", "json",
           "--support", support]
    if statement is not None:
        cmd += ["--statement", statement]
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError("narrative failed (%d): %s" % (run.returncode, run.stderr))
    return json.loads(run.stdout)


def random_af(rng, max_args):
    n = rng.randint(1, max_args)
    p = rng.choice([0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5])
    args = ["a%d" % i for i in range(n)]
    attacks = [(x, y) for x in args for y in args if rng.random() < (0.05 if x == y else p)]
    return args, attacks


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("narrative")
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--max-args", type=int, default=15)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--support", choices=["none", "deductive", "necessary", "all"], default="none")
    opts = ap.parse_args()
    readings = ["none", "deductive", "necessary"] if opts.support == "all" else [opts.support]
    rng = random.Random(opts.seed)
    agree = {(r, s): 0 for r in readings for s in SEMANTICS}
    decisions = 0
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        case = os.path.join(tmp, "af.json")
        for i in range(opts.count):
            args, attacks = random_af(rng, opts.max_args)
            q = rng.choice([0.05, 0.1, 0.2])
            supports = [(x, y) for x in args for y in args if rng.random() < (0.03 if x == y else q)]
            for support in readings:
                relations = [{"from": x, "to": y, "type": "contradicts", "directed": True} for x, y in attacks]
                if support != "none":
                    relations += [{"from": x, "to": y, "type": "supports"} for x, y in supports]
                doc = {"format": "narrative/1", "statements": [{"id": a} for a in args], "relations": relations}
                with open(case, "w") as f:
                    json.dump(doc, f)
                facts = "".join("arg(%s)." % a for a in args)
                if support == "none":
                    facts += "".join("att(%s,%s)." % e for e in attacks)
                else:
                    facts += "".join("datt(%s,%s)." % e for e in attacks) + "".join("supp(%s,%s)." % e for e in supports)
                    facts += "datt(X,Y) :- datt(X,Y).supp(X,Y) :- supp(X,Y).\n"  # declares both when empty
                facts += "\n"
                probe = rng.choice(args)
                for s in SEMANTICS:
                    expected = clingo_extensions(s, facts, support)
                    got = {frozenset(e) for e in ours(opts.narrative, case, s, support)["extensions"]}
                    if got != expected:
                        failures.append((i, support, s, "ee", sorted(map(sorted, got)), sorted(map(sorted, expected)),
                                         attacks, supports))
                        continue
                    credulous = any(probe in e for e in expected)
                    sceptical = all(probe in e for e in expected)
                    dc = ours(opts.narrative, case, s, support, "dc", probe)["accepted"]
                    ds = ours(opts.narrative, case, s, support, "ds", probe)["accepted"]
                    if dc != credulous or ds != sceptical:
                        failures.append((i, support, s, "dc/ds " + probe, (dc, ds), (credulous, sceptical), attacks,
                                         supports))
                        continue
                    agree[(support, s)] += 1
                    decisions += 2
    total = sum(agree.values())
    print("random AFs: %d (1 to %d arguments, seed %d), support readings: %s"
          % (opts.count, opts.max_args, opts.seed, ", ".join(readings)))
    for r in readings:
        for s in SEMANTICS:
            print("  %-9s %-12s ee, dc and ds equal on %d of %d" % (r, s, agree[(r, s)], opts.count))
    print("answers compared: %d extension sets, %d acceptance decisions; disagreements: %d"
          % (total + len(failures), decisions, len(failures)))
    for f in failures[:10]:
        print("DISAGREEMENT", f)
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
