// LEMON reference solver for the matching benchmark (bench/matching/run.ts compiles it with
// g++ -O2 into bench/.build/). Reads the benchmark's edge-list format:
//   first line "n m", then m lines "u v w" (0-based vertex ids, integer weights)
// runs lemon::MaxWeightedMatching (maximum weight, not maximum cardinality) and prints one JSON
// line: {"seconds": solve time without reading, "cpuSeconds", "weight", "cardinality", "peakRssKb"}.
#include <lemon/matching.h>
#include <lemon/smart_graph.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

using Graph = lemon::SmartGraph;
using Weight = long long;

static std::vector<char> slurp(const char* path) {
  std::FILE* f = std::fopen(path, "rb");
  if (!f) {
    std::fprintf(stderr, "lemon_matching: cannot open %s\n", path);
    std::exit(2);
  }
  std::vector<char> data;
  char buf[1 << 16];
  size_t got;
  while ((got = std::fread(buf, 1, sizeof buf, f)) > 0) data.insert(data.end(), buf, buf + got);
  std::fclose(f);
  data.push_back('\0');
  return data;
}

static double cpu_seconds() {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// Peak resident set of this program: VmHWM from /proc/self/status. (getrusage's ru_maxrss would
// do on its own, but Linux carries it across execve, so a child spawned by a big parent would
// report the parent's peak.) Falls back to ru_maxrss where /proc is missing.
static long peak_rss_kb() {
  if (std::FILE* f = std::fopen("/proc/self/status", "r")) {
    char line[256];
    long kb = -1;
    while (std::fgets(line, sizeof line, f)) {
      if (std::sscanf(line, "VmHWM: %ld kB", &kb) == 1) break;
    }
    std::fclose(f);
    if (kb >= 0) return kb;
  }
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static long long next_int(const char*& p) {
  while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t') ++p;
  bool neg = false;
  if (*p == '-') neg = true, ++p;
  if (*p < '0' || *p > '9') {
    std::fprintf(stderr, "lemon_matching: malformed edge file (only integer weights are supported)\n");
    std::exit(2);
  }
  long long x = 0;
  while (*p >= '0' && *p <= '9') x = x * 10 + (*p++ - '0');
  return neg ? -x : x;
}

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: lemon_matching EDGE_FILE\n");
    return 2;
  }
  std::vector<char> data = slurp(argv[1]);
  const char* p = data.data();
  const int n = static_cast<int>(next_int(p));
  const long long m = next_int(p);

  Graph g;
  g.reserveNode(n);
  g.reserveEdge(static_cast<int>(m));
  std::vector<Graph::Node> nodes(n);
  for (int i = 0; i < n; ++i) nodes[i] = g.addNode();
  Graph::EdgeMap<Weight> weight(g);
  for (long long i = 0; i < m; ++i) {
    const long long u = next_int(p), v = next_int(p), w = next_int(p);
    weight[g.addEdge(nodes[u], nodes[v])] = w;
  }
  std::vector<char>().swap(data);

  const double cpu_start = cpu_seconds();
  const auto start = std::chrono::steady_clock::now();
  lemon::MaxWeightedMatching<Graph, Graph::EdgeMap<Weight>> matching(g, weight);
  matching.run();
  const auto stop = std::chrono::steady_clock::now();
  const double seconds = std::chrono::duration<double>(stop - start).count();
  const double cpu = cpu_seconds() - cpu_start;

  std::printf("{\"seconds\": %.6f, \"cpuSeconds\": %.6f, \"weight\": %lld, \"cardinality\": %d, \"peakRssKb\": %ld}\n", seconds, cpu,
              static_cast<long long>(matching.matchingWeight()), matching.matchingSize(), peak_rss_kb());
  return 0;
}
