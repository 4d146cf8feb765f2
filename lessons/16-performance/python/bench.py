"""The Python side of lesson 16's benchmark.

The Rust program runs this once per measurement, e.g.

    python bench.py fanout --url http://127.0.0.1:PORT/delay/100 --n 1000 \
        --mode aiohttp-uvloop

and reads the one line of JSON it prints last. Each workload does what its
Rust twin in ../src does, and times only the work, not Python's start-up.
"""

import argparse
import asyncio
import concurrent.futures
import json
import os
import threading
import time

CHUNK = 64 * 1024
MASK = (1 << 64) - 1


def resident_bytes(field="VmRSS"):
    """A field of /proc/self/status in bytes, like the Rust probe reads."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    return 0


def new_loop(uvloop_wanted):
    """A loop factory: uvloop's when asked for, else asyncio's own."""
    if uvloop_wanted:
        import uvloop

        return uvloop.new_event_loop
    return asyncio.new_event_loop


# ----------------------------------------------------------------- fan-out


def fanout_sequential(url, n):
    import requests

    with requests.Session() as session:
        session.trust_env = False  # loopback: never a proxy
        start = time.perf_counter()
        for _ in range(n):
            session.get(url).raise_for_status()
        return time.perf_counter() - start


def fanout_threads(url, n, threads=32):
    import requests

    local = threading.local()

    def get(_):
        if not hasattr(local, "session"):
            local.session = requests.Session()
            local.session.trust_env = False
        local.session.get(url).raise_for_status()

    with concurrent.futures.ThreadPoolExecutor(threads) as pool:
        start = time.perf_counter()
        list(pool.map(get, range(n)))
        return time.perf_counter() - start


async def fanout_aiohttp(url, n, limit):
    import aiohttp

    # limit=0: no cap on connections; the semaphore (if any) caps requests.
    connector = aiohttp.TCPConnector(limit=0)
    gate = asyncio.Semaphore(limit or n)

    async with aiohttp.ClientSession(connector=connector) as session:

        async def get():
            async with gate:
                async with session.get(url) as response:
                    await response.read()
                    response.raise_for_status()

        start = time.perf_counter()
        await asyncio.gather(*(get() for _ in range(n)))
        return time.perf_counter() - start


def fanout(args):
    if args.mode == "sequential":
        seconds = fanout_sequential(args.url, args.n)
    elif args.mode == "threads":
        seconds = fanout_threads(args.url, args.n)
    else:
        limit = 100 if args.mode == "aiohttp-capped" else None
        with asyncio.Runner(loop_factory=new_loop(args.mode != "aiohttp")) as r:
            seconds = r.run(fanout_aiohttp(args.url, args.n, limit))
    return {"seconds": seconds, "ok": args.n}


# ------------------------------------------------------------------ memory


async def idle_tasks(n, sleep):
    before = resident_bytes()
    start = time.perf_counter()
    tasks = [asyncio.create_task(asyncio.sleep(sleep)) for _ in range(n)]
    # One turn of the loop: every task starts and arms its timer.
    await asyncio.sleep(0)
    after = resident_bytes()
    await asyncio.gather(*tasks)
    return {
        "tasks": n,
        "bytes_per_task": (after - before) / n,
        "wall_secs": time.perf_counter() - start,
    }


def tasks(args):
    with asyncio.Runner(loop_factory=new_loop(True)) as runner:
        return runner.run(idle_tasks(args.n, args.sleep_ms / 1000))


def threads(args):
    started = threading.Barrier(args.n + 1)
    release = threading.Barrier(args.n + 1)

    def idle():
        started.wait()
        release.wait()

    rss0, vm0 = resident_bytes(), resident_bytes("VmSize")
    pool = [threading.Thread(target=idle) for _ in range(args.n)]
    for thread in pool:
        thread.start()
    started.wait()
    rss1, vm1 = resident_bytes(), resident_bytes("VmSize")
    release.wait()
    for thread in pool:
        thread.join()
    return {
        "threads": args.n,
        "resident_per_thread": (rss1 - rss0) / args.n,
        "reserved_per_thread": (vm1 - vm0) / args.n,
    }


# --------------------------------------------------------------------- cpu


def make_buffer(length):
    # Byte i is i * 7 % 251, as in the Rust version; it repeats every 251.
    period = bytes(i * 7 % 251 for i in range(251))
    return (period * (length // 251 + 1))[:length]


def chunk_hash(args):
    index, chunk = args
    h = 0xCBF29CE484222325
    for byte in chunk:
        h = ((h ^ byte) * 0x100000001B3) & MASK
    shift = index % 64
    return ((h << shift) | (h >> (64 - shift))) & MASK if shift else h


def chunks(buffer):
    return [(i, buffer[at : at + CHUNK]) for i, at in enumerate(range(0, len(buffer), CHUNK))]


def checksum(buffer):
    return sum(map(chunk_hash, chunks(buffer))) & MASK


async def cpu_async(buffer, mode):
    if mode == "loop":
        return checksum(buffer)  # blocks the loop for the whole time
    if mode == "thread":
        return await asyncio.to_thread(checksum, buffer)  # the GIL stays
    loop = asyncio.get_running_loop()
    with concurrent.futures.ProcessPoolExecutor(os.cpu_count()) as pool:
        parts = [loop.run_in_executor(pool, chunk_hash, c) for c in chunks(buffer)]
        return sum(await asyncio.gather(*parts)) & MASK


def cpu(args):
    buffer = make_buffer(args.mib * 1024 * 1024)
    start = time.perf_counter()
    total = asyncio.run(cpu_async(buffer, args.mode))
    return {"seconds": time.perf_counter() - start, "checksum": total}


# ------------------------------------------------------------ coordination


async def queue_sum(n):
    queue = asyncio.Queue(maxsize=1024)

    async def produce():
        for i in range(n):
            await queue.put(i)
        await queue.put(None)

    producer = asyncio.create_task(produce())
    total = 0
    while (item := await queue.get()) is not None:
        total += item
    await producer
    return total


async def asyncio_lock_rounds(n):
    lock, count = asyncio.Lock(), 0
    for _ in range(n):
        async with lock:
            count += 1
    return count


def coord(args):
    n = args.n
    start = time.perf_counter()
    if args.mode == "queue":
        with asyncio.Runner(loop_factory=new_loop(True)) as runner:
            result = runner.run(queue_sum(n))
        assert result == n * (n - 1) // 2, "lost messages"
    elif args.mode == "asyncio-lock":
        with asyncio.Runner(loop_factory=new_loop(True)) as runner:
            assert runner.run(asyncio_lock_rounds(n)) == n
    else:
        lock, count = threading.Lock(), 0
        for _ in range(n):
            with lock:
                count += 1
        assert count == n
    return {"seconds": time.perf_counter() - start}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="workload", required=True)
    p = sub.add_parser("fanout")
    p.add_argument("--url", required=True)
    p.add_argument("--n", type=int, required=True)
    p.add_argument(
        "--mode",
        required=True,
        choices=["sequential", "threads", "aiohttp", "aiohttp-uvloop", "aiohttp-capped"],
    )
    p = sub.add_parser("tasks")
    p.add_argument("--n", type=int, required=True)
    p.add_argument("--sleep-ms", type=int, required=True)
    p = sub.add_parser("threads")
    p.add_argument("--n", type=int, required=True)
    p = sub.add_parser("cpu")
    p.add_argument("--mib", type=int, required=True)
    p.add_argument("--mode", required=True, choices=["loop", "thread", "processes"])
    p = sub.add_parser("coord")
    p.add_argument("--n", type=int, required=True)
    p.add_argument("--mode", required=True, choices=["queue", "thread-lock", "asyncio-lock"])
    args = parser.parse_args()
    workloads = {"fanout": fanout, "tasks": tasks, "threads": threads, "cpu": cpu, "coord": coord}
    print(json.dumps(workloads[args.workload](args)))


if __name__ == "__main__":
    main()
