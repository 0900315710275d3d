// SPDX-License-Identifier: MIT
// Real settled cases: for every NAME.json with a NAME.truth.json in the folders given (default
// examples/cases and ../shared/data/cases), the settled verdicts got right, the reliable actors
// ranked above the unreliable ones, and the recorded position shifts found, per algorithm.
//
//   narrative_example_real_cases [--details] [--ablations] [FOLDER ...]
//
// --ablations: evidence-em with each of its mechanisms turned off in turn, over all cases.

#include "real_cases.hpp"

#include <cstdio>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

int main(int argc, char** argv) {
    bool details = false, ablations = false;
    std::vector<std::filesystem::path> folders{};
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--details") details = true;
        else if (arg == "--ablations") ablations = true;
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
        if (ablations) {
            using variant = std::pair<std::string, void (*)(narrative::evidence_model_options&)>;
            const std::vector<variant> variants = {
                {"evidence-em (all mechanisms)", [](narrative::evidence_model_options&) {}},
                {"no evidence kinds (all ratios 1)",
                 [](narrative::evidence_model_options& o) { o.weights.testimony = o.weights.document = o.weights.finding = 1.0; }},
                {"no interests (ratios 1)",
                 [](narrative::evidence_model_options& o) { o.weights.self_serving = o.weights.against_interest = 1.0; }},
                {"no groups", [](narrative::evidence_model_options& o) { o.use_groups = false; }},
                {"no copy detection", [](narrative::evidence_model_options& o) { o.detect_copying = false; }},
                {"no supersession of positions", [](narrative::evidence_model_options& o) { o.supersede_positions = false; }},
                {"no supersession of findings", [](narrative::evidence_model_options& o) { o.supersede_findings = false; }},
                {"no provenance (kinds and interests)",
                 [](narrative::evidence_model_options& o) {
                     o.weights = {.claim = 1.0, .testimony = 1.0, .document = 1.0, .finding = 1.0,
                                  .self_serving = 1.0, .against_interest = 1.0};
                 }},
                {"no dependence (groups and copying)",
                 [](narrative::evidence_model_options& o) { o.use_groups = o.detect_copying = false; }},
                {"no time (no supersession)",
                 [](narrative::evidence_model_options& o) { o.supersede_positions = o.supersede_findings = false; }},
                {"provenance only",
                 [](narrative::evidence_model_options& o) {
                     o.use_groups = o.detect_copying = o.supersede_positions = o.supersede_findings = false;
                 }},
                {"dependence only",
                 [](narrative::evidence_model_options& o) {
                     o.weights = {.claim = 1.0, .testimony = 1.0, .document = 1.0, .finding = 1.0,
                                  .self_serving = 1.0, .against_interest = 1.0};
                     o.supersede_positions = o.supersede_findings = false;
                 }},
                {"time only",
                 [](narrative::evidence_model_options& o) {
                     o.weights = {.claim = 1.0, .testimony = 1.0, .document = 1.0, .finding = 1.0,
                                  .self_serving = 1.0, .against_interest = 1.0};
                     o.use_groups = o.detect_copying = false;
                 }},
                {"none of them (Accu with a prior)",
                 [](narrative::evidence_model_options& o) {
                     o.weights = {.claim = 1.0, .testimony = 1.0, .document = 1.0, .finding = 1.0,
                                  .self_serving = 1.0, .against_interest = 1.0};
                     o.use_groups = o.detect_copying = o.supersede_positions = o.supersede_findings = false;
                 }},
            };
            std::printf("\n%-38s | verdicts | pairs\n", "evidence-em variant (all cases)");
            for (const auto& [name, change] : variants) {
                narrative::actor_consistency_options options{};
                change(options.credibility.evidence);
                real_cases::case_score t{};
                for (const auto& sc : cases) {
                    const auto s = real_cases::score(sc, options);
                    t.verdicts_right += s.verdicts_right;
                    t.verdicts += s.verdicts;
                    t.pairs_right += s.pairs_right;
                    t.pairs += s.pairs;
                }
                std::printf("%-38s | %3zu/%-4zu | %4zu/%-4zu\n", name.c_str(), t.verdicts_right, t.verdicts,
                            t.pairs_right, t.pairs);
            }
        }
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
