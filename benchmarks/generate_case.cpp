// SPDX-License-Identifier: MIT
// Writes a seeded random case file (`narrative/1`) of any size, for the end-to-end benchmark:
// statements by about a thousand actors, a fifth of them with structured claims on yes/no and
// valued propositions, dates, texts and sources, and uniformly random relations (no
// self-relations; a few duplicates occur by chance, as in real merged material, and are
// reported as warnings). The text is written directly, not through a JSON library, so that the
// generator itself is never the bottleneck.
// Usage: narrative_generate_case STATEMENTS RELATIONS OUT.json [actors] [seed]

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

namespace {

// A buffered writer that reports a write failure (disk full) instead of a truncated file.
class writer {
public:
    explicit writer(std::FILE* f) : file_(f) { buffer_.reserve(1 << 22); }
    void put(const std::string& s) {
        buffer_ += s;
        if (buffer_.size() >= (1 << 22)) flush();
    }
    void flush() {
        if (!buffer_.empty() && std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
            std::fprintf(stderr, "error: write failed: %s\n", std::strerror(errno));
            std::exit(1);
        }
        buffer_.clear();
    }

private:
    std::FILE* file_;
    std::string buffer_;
};

std::uint64_t parse_count(const char* text, const char* what) {
    char* end = nullptr;
    errno = 0;
    const unsigned long long v = std::strtoull(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || text[0] == '-') {
        std::fprintf(stderr, "error: %s must be a non-negative integer, got \"%s\"\n", what, text);
        std::exit(2);
    }
    return v;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4 || argc > 6) {
        std::fprintf(stderr, "usage: %s STATEMENTS RELATIONS OUT.json [actors=1000] [seed=20250510]\n", argv[0]);
        return 2;
    }
    const std::uint64_t n = parse_count(argv[1], "STATEMENTS");
    const std::uint64_t m = parse_count(argv[2], "RELATIONS");
    const std::uint64_t actors = argc > 4 ? parse_count(argv[4], "actors") : 1000;
    const std::uint64_t seed = argc > 5 ? parse_count(argv[5], "seed") : 20250510;
    if (n < 2 && m > 0) {
        std::fprintf(stderr, "error: relations need at least two statements\n");
        return 2;
    }
    if (actors == 0) {
        std::fprintf(stderr, "error: actors must be at least 1\n");
        return 2;
    }
    std::FILE* f = std::fopen(argv[3], "wb");
    if (!f) {
        std::fprintf(stderr, "error: cannot open %s: %s\n", argv[3], std::strerror(errno));
        return 1;
    }
    std::mt19937_64 rng(seed);
    const auto uniform = [&](std::uint64_t bound) { return std::uniform_int_distribution<std::uint64_t>(0, bound - 1)(rng); };
    const std::uint64_t yes_no = n / 50 + 1;   // yes/no propositions claim-0 … (undeclared)
    const std::uint64_t valued = n / 500 + 1;  // declared propositions topic-0 … with three values
    static const char* values[] = {"low", "mid", "high"};
    static const char* stances[] = {"asserts", "denies", "reports"};
    static const char* evidence[] = {"claim", "testimony", "document", "finding"};

    writer out(f);
    out.put("{\n  \"format\": \"narrative/1\",\n  \"title\": \"Generated case\",\n  \"actors\": [\n");
    for (std::uint64_t a = 0; a < actors; ++a) {
        std::string line = "    {\"id\": \"a" + std::to_string(a) + "\", \"name\": \"Actor " + std::to_string(a) + "\"";
        if (a % 10 == 0) line += ", \"group\": \"g" + std::to_string(a / 100) + "\"";
        if (a % 7 == 0) line += ", \"prior\": 0.6";
        line += a + 1 < actors ? "},\n" : "}\n";
        out.put(line);
    }
    out.put("  ],\n  \"propositions\": [\n");
    for (std::uint64_t q = 0; q < valued; ++q)
        out.put("    {\"id\": \"topic-" + std::to_string(q) + "\", \"values\": [\"low\", \"mid\", \"high\"]}" +
                (q + 1 < valued ? ",\n" : "\n"));
    out.put("  ],\n  \"statements\": [\n");
    for (std::uint64_t i = 0; i < n; ++i) {
        const std::uint64_t day = uniform(3650);
        const int year = 2015 + static_cast<int>(day / 365);
        const int month = 1 + static_cast<int>((day % 365) / 31 % 12);
        const int dom = 1 + static_cast<int>(day % 28);
        char date[32];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, dom);
        std::string line = "    {\"id\": \"s" + std::to_string(i) + "\", \"actor\": \"a" + std::to_string(uniform(actors)) +
                           "\", \"time\": \"" + date + "\", \"text\": \"Generated statement number " +
                           std::to_string(i) + "\"";
        if (i % 3 == 0) line += ", \"source\": \"https://example.org/" + std::to_string(i / 3) + "\"";
        if (i % 4 == 0) line += ", \"base\": 0." + std::to_string(1 + uniform(9));
        const std::uint64_t kind = uniform(10);
        if (kind == 0) {
            line += ", \"claim\": {\"proposition\": \"claim-" + std::to_string(uniform(yes_no)) + "\", \"stance\": \"" +
                    stances[uniform(3)] + "\"}";
        } else if (kind == 1) {
            line += std::string(", \"claim\": {\"proposition\": \"topic-") + std::to_string(uniform(valued)) +
                    "\", \"value\": \"" + values[uniform(3)] + "\"}, \"evidence\": \"" + evidence[uniform(4)] + "\"";
        }
        line += i + 1 < n ? "},\n" : "}\n";
        out.put(line);
    }
    out.put("  ],\n  \"relations\": [\n");
    for (std::uint64_t r = 0; r < m; ++r) {
        const std::uint64_t from = uniform(n);
        std::uint64_t to = uniform(n - 1);
        if (to >= from) ++to;  // no self-relations
        std::string line = "    {\"from\": \"s" + std::to_string(from) + "\", \"to\": \"s" + std::to_string(to) +
                           "\", \"type\": \"" + (uniform(3) == 0 ? "contradicts" : "supports") + "\"";
        if (r % 5 == 0) line += ", \"weight\": 0." + std::to_string(5 + uniform(5));
        line += r + 1 < m ? "},\n" : "}\n";
        out.put(line);
    }
    out.put("  ]\n}\n");
    out.flush();
    if (std::fclose(f) != 0) {
        std::fprintf(stderr, "error: cannot write %s: %s\n", argv[3], std::strerror(errno));
        return 1;
    }
    return 0;
}
