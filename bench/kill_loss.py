#!/usr/bin/env python3
"""Keys lost when a share of a network's peers is killed at once (docs/BENCHMARKS.md, "Spares
for lost stores").

A key is lost when every peer holding a copy is killed. Each key's copies sit on its c
XOR-closest peers (random 160-bit IDs, as Kademlia places them), and the killed peers are a
random subset, as in bench/compare-opendht.sh's kill phase (every fourth peer in start order,
with random IDs). Prints, per number of copies, how many runs lost at least one key, the mean
keys lost per run and the most lost in one run. Standard library only.

    bench/kill_loss.py                                   # 64 peers, 16 killed, 998 keys, 1000 runs
    bench/kill_loss.py --peers 16 --killed 4 --keys 1000 --copies 3,4,5
"""
import argparse
import random


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--peers", type=int, default=64)
    parser.add_argument("--killed", type=int, default=16)
    parser.add_argument("--keys", type=int, default=998)
    parser.add_argument("--copies", default="3,4,5,6,8", help="comma-separated")
    parser.add_argument("--trials", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    copies = sorted({int(c) for c in args.copies.split(",")})
    if not 0 <= args.killed <= args.peers or copies[0] < 1 or copies[-1] > args.peers:
        parser.error("need 0 <= killed <= peers and 1 <= copies <= peers")
    rnd = random.Random(args.seed)
    runs_losing = dict.fromkeys(copies, 0)
    total = dict.fromkeys(copies, 0)
    worst = dict.fromkeys(copies, 0)
    for _ in range(args.trials):
        ids = [rnd.getrandbits(160) for _ in range(args.peers)]
        dead = set(rnd.sample(range(args.peers), args.killed))
        lost = dict.fromkeys(copies, 0)
        for _ in range(args.keys):
            key = rnd.getrandbits(160)
            closest = sorted(range(args.peers), key=lambda i: ids[i] ^ key)[:copies[-1]]
            dead_run = 0  # how many of the closest, from the closest on, were killed
            for peer in closest:
                if peer not in dead:
                    break
                dead_run += 1
            for c in copies:
                if dead_run >= c:
                    lost[c] += 1
        for c in copies:
            total[c] += lost[c]
            worst[c] = max(worst[c], lost[c])
            runs_losing[c] += 1 if lost[c] else 0
    print(f"{args.peers} peers, {args.killed} killed at once, {args.keys} keys, "
          f"{args.trials} runs, seed {args.seed}")
    print("| copies | runs that lose a key | keys lost per run, mean | most in one run |")
    print("|--:|--:|--:|--:|")
    for c in copies:
        print(f"| {c} | {100 * runs_losing[c] / args.trials:.1f}% | {total[c] / args.trials:.2f} "
              f"| {worst[c]} |")


if __name__ == "__main__":
    main()
