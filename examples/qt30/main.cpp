// SPDX-License-Identifier: MIT
// Imports every AIF nodeset of the QT30 corpus (BBC Question Time debates) and prints corpus
// totals: files, statements, supports, contradicts, actors, warnings by kind, the groups of
// nodesets that share I-nodes (the exchanges of one debate) and the time the import took.
//
// Usage: narrative_example_qt30 [QT30_DIR [--groups]]   (default ../shared/data/qt30)
// --groups prints instead the nodesets of each group sharing I-nodes, one group a line,
// largest first, as input for `narrative merge`.
// Exits 0 with "skipped: no data at QT30_DIR" when the folder is absent; 1 when a nodeset fails.

#include <narrative/io/aif.hpp>
#include <narrative/io/text_file.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace fs = std::filesystem;
using namespace narrative;

namespace {

// The kind of a warning: its message with quoted values as "…" and numbers as N.
std::string kind_of(const std::string& message) {
    std::string kind;
    for (std::size_t i = 0; i < message.size(); ++i) {
        const char ch = message[i];
        if (ch == '"') {
            const auto close = message.find('"', i + 1);
            kind += "\"…\"";
            i = close == std::string::npos ? message.size() : close;
        } else if (ch >= '0' && ch <= '9') {
            while (i + 1 < message.size() && message[i + 1] >= '0' && message[i + 1] <= '9') ++i;
            kind += 'N';
        } else {
            kind += ch;
        }
    }
    return kind;
}

// Union-find over nodesets: two nodesets holding the same I-node belong to one exchange.
struct groups {
    std::vector<std::size_t> parent;
    std::size_t find(std::size_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }
    void join(std::size_t a, std::size_t b) { parent[find(a)] = find(b); }
};

}  // namespace

int main(int argc, char** argv) {
    const fs::path folder = argc > 1 ? fs::path(argv[1]) : fs::path("../shared/data/qt30");
    if (!fs::is_directory(folder)) {
        std::cout << "skipped: no data at " << folder.string() << "\n";
        return 0;
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    std::sort(files.begin(), files.end());

    const auto started = std::chrono::steady_clock::now();
    std::size_t statements = 0, supports = 0, rephrases = 0, contradicts = 0, timed = 0, failed = 0;
    std::set<std::string> actors;
    std::map<std::string, std::size_t> warnings;
    std::unordered_map<std::string, std::size_t> first_holder;  // I-node id → first nodeset
    groups exchanges{std::vector<std::size_t>(files.size())};
    std::iota(exchanges.parent.begin(), exchanges.parent.end(), std::size_t{0});
    for (std::size_t f = 0; f < files.size(); ++f) {
        const auto result = check_aif(read_text_file(files[f]), files[f].filename().string());
        for (const auto& d : result.diagnostics) {
            if (d.severity == severity::error) std::cerr << d.to_string() << "\n";
            else ++warnings[kind_of(d.message)];
        }
        if (!result.model) {
            ++failed;
            continue;
        }
        const case_model& c = *result.model;
        statements += c.statement_count();
        for (std::size_t v = 0; v < c.statement_count(); ++v) {
            const statement& s = c.statement_at(v);
            timed += s.time ? 1 : 0;
            const auto [it, inserted] = first_holder.emplace(s.id, f);
            if (!inserted) exchanges.join(f, it->second);
        }
        for (std::size_t r = 0; r < c.relation_count(); ++r) {
            const relation& rel = c.relation_at(r);
            if (rel.type == relation_type::contradicts) {
                ++contradicts;
            } else {
                ++supports;
                if (const auto t = rel.ext.find("x-aif-type"); t != rel.ext.end() && *t == "MA") ++rephrases;
            }
        }
        for (const auto& a : c.actors()) actors.insert(a.id);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    std::map<std::size_t, std::size_t> group_size;
    for (std::size_t f = 0; f < files.size(); ++f) ++group_size[exchanges.find(f)];
    std::vector<std::size_t> big;
    std::size_t alone = 0;
    for (const auto& [root, n] : group_size) {
        if (n == 1) ++alone;
        else big.push_back(n);
    }
    std::sort(big.rbegin(), big.rend());
    // Largest first, then by first file, for a stable listing.
    std::vector<std::pair<std::size_t, std::size_t>> roots;  // (size, root)
    for (const auto& [root, n] : group_size)
        if (n > 1) roots.emplace_back(n, root);
    std::sort(roots.begin(), roots.end(), [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });

    if (argc > 2 && std::string(argv[2]) == "--groups") {
        for (const auto& group : roots) {
            std::string line_of_files;
            for (std::size_t f = 0; f < files.size(); ++f)
                if (exchanges.find(f) == exchanges.find(group.second))
                    line_of_files += (line_of_files.empty() ? "" : " ") + files[f].string();
            std::cout << line_of_files << "\n";
        }
        return failed == 0 ? 0 : 1;
    }
    std::cout << "QT30 corpus: " << folder.string() << "\n"
              << "  files        " << files.size() << " (" << failed << " failed)\n"
              << "  statements   " << statements << " (" << timed << " with an utterance time)\n"
              << "  supports     " << supports << " (" << rephrases << " of them rephrases, MA)\n"
              << "  contradicts  " << contradicts << "\n"
              << "  actors       " << actors.size() << " distinct speakers\n"
              << "  warnings by kind:\n";
    for (const auto& [kind, n] : warnings) std::cout << "    " << n << "  " << kind << "\n";
    std::cout << "  nodesets sharing I-nodes: " << big.size() << " groups of";
    for (const std::size_t n : big) std::cout << ' ' << n;
    std::cout << " nodesets; " << alone << " nodesets share none\n";
    char line[64];
    std::snprintf(line, sizeof line, "%.2f", seconds);
    std::cout << "  import time  " << line << " s\n";
    return failed == 0 ? 0 : 1;
}
