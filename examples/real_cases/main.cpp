// SPDX-License-Identifier: MIT
// Real settled cases: for every NAME.json with a NAME.truth.json in the folders given (default
// examples/cases and ../shared/data/cases), the settled verdicts got right, the reliable actors
// ranked above the unreliable ones, and the recorded position shifts found, per algorithm.
//
//   narrative_example_real_cases [--details] [FOLDER ...]

#include "real_cases.hpp"

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    bool details = false;
    std::vector<std::filesystem::path> folders{};
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--details") details = true;
        else folders.emplace_back(arg);
    }
    if (folders.empty()) folders = {"examples/cases", "../shared/data/cases"};
    const std::vector<std::string> algorithms = {"evidence-em", "voting", "truthfinder"};
    try {
        std::vector<real_cases::settled_case> cases{};
        for (const auto& f : folders) {
            const auto found = real_cases::cases_in(f);
            if (found.empty()) std::cout << "skipped: no cases with truth files in " << f.string() << '\n';
            for (const auto& p : found) cases.push_back(real_cases::load(p));
        }
        if (cases.empty()) return 0;
        std::printf("%-22s", "case");
        for (const auto& a : algorithms) std::printf(" | %-22s", (a + " verdicts pairs").c_str());
        std::printf(" | shifts\n");
        std::vector<real_cases::case_score> total(algorithms.size());
        for (const auto& sc : cases) {
            std::printf("%-22s", sc.name.c_str());
            std::string lines{};
            std::size_t shifts_found = 0, shifts = 0;
            for (std::size_t k = 0; k < algorithms.size(); ++k) {
                const auto s = real_cases::score(sc, algorithms[k]);
                std::printf(" | %4zu/%-4zu %6zu/%-6zu   ", s.verdicts_right, s.verdicts, s.pairs_right, s.pairs);
                total[k].verdicts_right += s.verdicts_right;
                total[k].verdicts += s.verdicts;
                total[k].pairs_right += s.pairs_right;
                total[k].pairs += s.pairs;
                shifts_found = s.shifts_found;
                shifts = s.shifts;
                if (details)
                    for (const auto& w : s.wrong) lines += "    " + algorithms[k] + ": " + w + "\n";
            }
            total[0].shifts_found += shifts_found;
            total[0].shifts += shifts;
            std::printf(" | %zu/%zu\n%s", shifts_found, shifts, lines.c_str());
        }
        std::printf("%-22s", "all");
        for (const auto& t : total)
            std::printf(" | %4zu/%-4zu %6zu/%-6zu   ", t.verdicts_right, t.verdicts, t.pairs_right, t.pairs);
        std::printf(" | %zu/%zu\n", total[0].shifts_found, total[0].shifts);
        std::printf("%-22s", "share");
        for (const auto& t : total)
            std::printf(" | %9s %13s   ", real_cases::fixed3(static_cast<double>(t.verdicts_right) / static_cast<double>(t.verdicts)).c_str(),
                        real_cases::fixed3(static_cast<double>(t.pairs_right) / static_cast<double>(t.pairs)).c_str());
        std::printf(" |\n");
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
