"""M/M/1 in SimPy, the same model as bench/mm1-bare-loop.ts and the kernel run.

Usage: python3 mm1_simpy.py LAMBDA MU WARMUP HORIZON SEED
Prints JSON: {"meanWait": ..., "patients": ..., "seconds": ...}.
"""
import json
import random
import sys
import time

import simpy


def main():
    lam, mu, warmup, horizon = (float(x) for x in sys.argv[1:5])
    seed = int(sys.argv[5])
    arrivals = random.Random(seed * 2 + 1)
    services = random.Random(seed * 2 + 2)
    env = simpy.Environment()
    server = simpy.Resource(env, capacity=1)
    waits = []

    def patient(arrived):
        with server.request() as req:
            yield req
            if arrived >= warmup:
                waits.append(env.now - arrived)
            yield env.timeout(services.expovariate(mu))

    def source():
        while True:
            yield env.timeout(arrivals.expovariate(lam))
            env.process(patient(env.now))

    env.process(source())
    started = time.perf_counter()
    env.run(until=warmup + horizon)
    seconds = time.perf_counter() - started
    print(json.dumps({"meanWait": sum(waits) / len(waits), "patients": len(waits), "seconds": seconds}))


if __name__ == "__main__":
    main()
