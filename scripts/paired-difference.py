#!/usr/bin/env python3
"""Is list B better than list A for the same customers? A paired bootstrap of the difference in Recall@20 and
NDCG@20 between two prediction files of the same orders file (PROTOCOL.md's split and scoring, from
../shared/bench/score.py), with a 95 % percentile interval: a difference whose interval holds 0 is not shown.

Usage: scripts/paired-difference.py ORDERS A.csv B.csv [--track all|new] [--rounds 2000] [--validation]
  e.g. regulars evaluate F --model ranker --out a.csv; regulars evaluate F --model ranker-last-year --out b.csv
       scripts/paired-difference.py F a.csv b.csv            (and a-new.csv / b-new.csv with --track new)
  --validation scores lists of `regulars evaluate F --model M --validation`: the same protocol on the training
  lines only (cutoff − 30 days), the split settings are chosen on before the test split is looked at.
"""
import argparse
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "bench"))
import score  # noqa: E402  (the protocol's own scorer)


def per_customer(split, preds, track, k=20):
    """Recall@k and NDCG@k of every test customer of the track, in the truth's order (score.evaluate's rules)."""
    out = []
    for c, tset in split.truth[track].items():
        lst = preds.get(c, [])
        if track == "new":
            bought = split.train_items.get(c, set())
            lst = [x for x in lst if x not in bought]
        hits = np.fromiter((x in tset for x in lst[:k]), dtype=float)
        n_rel = min(k, len(tset))
        dcg = float((hits * score._DISC[:len(hits)]).sum())
        out.append((hits.sum() / n_rel, dcg / float(score._DISC[:n_rel].sum())))
    return np.array(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("orders")
    parser.add_argument("a")
    parser.add_argument("b")
    parser.add_argument("--track", default="all", choices=["all", "new"])
    parser.add_argument("--rounds", type=int, default=2000)
    parser.add_argument("--validation", action="store_true", help="the split of the training lines")
    args = parser.parse_args()
    split = score.make_split(score.load_orders(args.orders))
    if args.validation:
        split = score.make_split(split.train)
    a = per_customer(split, score.read_predictions(args.a), args.track)
    b = per_customer(split, score.read_predictions(args.b), args.track)
    difference = b - a
    rng = np.random.default_rng(1)
    n = len(difference)
    draws = np.array([difference[rng.integers(0, n, n)].mean(axis=0) for _ in range(args.rounds)])
    low, high = np.percentile(draws, [2.5, 97.5], axis=0)
    print(f"track={args.track} customers={n}")
    for j, metric in enumerate(["recall@20", "ndcg@20"]):
        mean_a, mean_b = a[:, j].mean(), b[:, j].mean()
        print(f"{metric}: A {mean_a:.4f}  B {mean_b:.4f}  B - A {difference[:, j].mean():+.4f} "
              f"[{low[j]:+.4f}, {high[j]:+.4f}]  ({difference[:, j].mean() / max(mean_a, 1e-12):+.1%})")


if __name__ == "__main__":
    main()
