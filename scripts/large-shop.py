#!/usr/bin/env python3
"""A large synthetic shop for issue 15's scale figure: 70,000 SKUs, 1,500,000 order lines (not a test).

Writes a generic orders CSV (the columns `regulars import orders --format generic` reads) with Zipf-like product
popularity and customers who mostly buy from three favourite categories of 300, over two years from 2022-01-01,
seeded, so the same file comes out every time.

Usage: python3 scripts/large-shop.py OUT.csv [--skus 70000] [--lines 1500000] [--customers 60000]
       regulars --store big.sqlite import orders OUT.csv --format generic
       /usr/bin/time -v regulars --store big.sqlite --as-of 2024-01-01 train
"""
import argparse
import bisect
import random
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--skus", type=int, default=70_000)
    parser.add_argument("--lines", type=int, default=1_500_000)
    parser.add_argument("--customers", type=int, default=60_000)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    random.seed(args.seed)
    categories = 300
    weights = [1 / (i + 1) ** 0.9 for i in range(args.skus)]
    members = [[] for _ in range(categories)]
    for sku in range(args.skus):
        members[sku % categories].append(sku)
    cumulative = []
    for skus in members:
        total, running = 0.0, []
        for sku in skus:
            total += weights[sku]
            running.append(total)
        cumulative.append(running)
    start = 1_640_995_200  # 2022-01-01
    lines = order = 0
    with open(args.out, "w") as out:
        out.write("order_id,customer_id,ordered_at,sku,product_name,category,quantity,unit_price\n")
        while lines < args.lines:
            customer = random.randrange(args.customers)
            chooser = random.Random(customer)  # a customer's favourites are the same in every order
            favourites = [chooser.randrange(categories) for _ in range(3)]
            at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(start + random.randrange(2 * 365 * 86_400)))
            order += 1
            for _ in range(1 + int(random.expovariate(1 / 6))):
                category = favourites[random.randrange(3)] if random.random() < 0.7 else random.randrange(categories)
                running = cumulative[category]
                sku = members[category][bisect.bisect_left(running, random.random() * running[-1])]
                out.write(f"O{order},C{customer},{at},S{sku},Product {sku},Cat {category},"
                          f"{1 + random.randrange(3)},{(sku * 7919) % 500 + 1}.99\n")
                lines += 1
                if lines >= args.lines:
                    break
    print(f"{lines:,} lines in {order:,} orders: {args.out}")


if __name__ == "__main__":
    main()
