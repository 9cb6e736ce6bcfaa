#!/usr/bin/env python3
"""Shopify webhooks against a running `regulars serve`: how fast they are answered and processed (not a test).

Sends N signed `orders/create` deliveries (distinct orders of up to 4 lines, 2,000 customers) from C threads, a
tenth of them twice as Shopify's retries would, and reports the answer times, then waits until the store has
processed every delivery and reports that rate. The store must be connected first:
    regulars --store S shops update --shopify-domain load.myshopify.com --webhook-secret load-secret
    regulars --store S serve --port 8099 &
    python3 scripts/webhook-load.py --port 8099 --store S [--deliveries 5000] [--concurrency 8]
"""
import argparse
import base64
import hashlib
import hmac
import http.client
import json
import random
import sqlite3
import threading
import time


def body(index, rng):
    lines = [
        {"sku": f"SKU-{rng.randrange(5000)}", "name": "Item", "quantity": rng.randint(1, 3), "price": "9.50"}
        for _ in range(rng.randint(1, 4))
    ]
    return json.dumps({
        "id": 9_000_000 + index, "name": f"#W{index}", "email": f"load{rng.randrange(2000)}@example.com",
        "created_at": "2024-06-20T10:00:00Z", "financial_status": "paid", "currency": "EUR", "line_items": lines,
    }).encode()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--store", required=True)
    parser.add_argument("--domain", default="load.myshopify.com")
    parser.add_argument("--secret", default="load-secret")
    parser.add_argument("--deliveries", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    rng = random.Random(7)
    work = [(f"load-{i}", body(i, rng)) for i in range(args.deliveries)]
    work += [work[i] for i in range(0, args.deliveries, 10)]  # Shopify's retries: the same id and body again
    rng.shuffle(work)
    latencies, statuses, lock = [], {}, threading.Lock()

    def sender(items):
        connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=10)
        for delivery_id, payload in items:
            signature = base64.b64encode(hmac.new(args.secret.encode(), payload, hashlib.sha256).digest()).decode()
            headers = {
                "Content-Type": "application/json", "X-Shopify-Hmac-Sha256": signature,
                "X-Shopify-Shop-Domain": args.domain, "X-Shopify-Webhook-Id": delivery_id,
                "X-Shopify-Topic": "orders/create",
            }
            start = time.perf_counter()
            connection.request("POST", "/webhooks/shopify/orders/create", body=payload, headers=headers)
            response = connection.getresponse()
            response.read()
            elapsed = time.perf_counter() - start
            with lock:
                latencies.append(elapsed)
                statuses[response.status] = statuses.get(response.status, 0) + 1
        connection.close()

    threads = [threading.Thread(target=sender, args=(work[k::args.concurrency],)) for k in range(args.concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    sent = time.perf_counter() - started
    database = sqlite3.connect(args.store, timeout=30)
    while database.execute("SELECT count(*) FROM webhookDelivery WHERE state = 'pending'").fetchone()[0] > 0:
        time.sleep(0.05)
    processed = time.perf_counter() - started
    states = dict(database.execute("SELECT state, count(*) FROM webhookDelivery GROUP BY state").fetchall())
    latencies.sort()

    def quantile(q):
        return latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000

    print(f"sent {len(work)} deliveries ({args.deliveries} distinct) from {args.concurrency} threads in {sent:.2f} s: "
          f"{len(work) / sent:.0f}/s; statuses {statuses}")
    print(f"answered in p50 {quantile(0.5):.2f} ms, p95 {quantile(0.95):.2f} ms, p99 {quantile(0.99):.2f} ms, "
          f"max {latencies[-1] * 1000:.2f} ms")
    print(f"all processed {processed:.2f} s after the first was sent: {args.deliveries / processed:.0f} orders/s; "
          f"deliveries by state {states}")


if __name__ == "__main__":
    main()
