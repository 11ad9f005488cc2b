"""NetworkX reference solver for the matching benchmark (bench/matching/run.ts runs it).

Reads the benchmark's edge-list format (first line "n m", then m lines "u v w"), runs
networkx.max_weight_matching(maxcardinality=False) and prints one JSON line:
{"seconds": solve time without reading, "cpuSeconds", "weight", "cardinality", "peakRssKb", "version"}.
"""

import json
import resource
import sys
import time

import networkx as nx


def peak_rss_kb() -> int:
    """VmHWM of this process; ru_maxrss is carried across execve on Linux (the parent's peak)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: networkx_matching.py EDGE_FILE", file=sys.stderr)
        return 2
    with open(sys.argv[1], "rb") as f:
        n, m = map(int, f.readline().split())
        edges = []
        weights = {}
        for line in f:
            u, v, w = line.split()
            u, v, w = int(u), int(v), int(w)
            edges.append((u, v, w))
            weights[(u, v) if u < v else (v, u)] = w
    if len(edges) != m:
        print(f"networkx_matching: expected {m} edges, read {len(edges)}", file=sys.stderr)
        return 2
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    graph.add_weighted_edges_from(edges)
    del edges

    cpu_start = time.process_time()
    start = time.perf_counter()
    matching = nx.max_weight_matching(graph, maxcardinality=False, weight="weight")
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start

    weight = sum(weights[(u, v) if u < v else (v, u)] for u, v in matching)
    peak = peak_rss_kb()
    print(json.dumps({"seconds": seconds, "cpuSeconds": cpu_seconds, "weight": weight, "cardinality": len(matching),
                      "peakRssKb": peak, "version": nx.__version__}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
