// SPDX-License-Identifier: MIT
#pragma once
// Real settled cases with their truth files (NAME.json + NAME.truth.json): loading, and scoring
// a credibility algorithm against the settled verdicts, the reliable/unreliable labels and the
// recorded position shifts. Shared by the real_cases example and its test.

#include <narrative/narrative.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace real_cases {

/// A case with what the public record later settled.
struct settled_case {
    std::string name{};
    narrative::case_model model{};
    std::vector<std::pair<std::string, bool>> verdicts{};  ///< settled propositions (nulls left out)
    std::vector<std::pair<std::string, std::string>> labels{};  ///< actor → reliable / unreliable / mixed
    std::vector<std::array<std::string, 3>> shifts{};  ///< actor, earlier statement, later statement
};

inline std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw narrative::io_error(p.string(), "cannot read the file");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// Loads NAME.json and NAME.truth.json. Statement keys `x-evidence` / `x-interest` (how the
/// shared cases were written before the format had them) become `evidence` / `interest`.
inline settled_case load(const std::filesystem::path& case_path) {
    settled_case out{};
    out.name = case_path.stem().string();
    auto doc = nlohmann::ordered_json::parse(read_text(case_path));
    for (auto& s : doc.at("statements"))
        for (const char* key : {"evidence", "interest"}) {
            const std::string x = std::string("x-") + key;
            if (s.contains(x) && !s.contains(key)) {
                s[key] = s[x];
                s.erase(x);
            }
        }
    out.model = narrative::read_case(doc.dump(), case_path.string(), {});
    auto truth_path = case_path;
    truth_path.replace_extension(".truth.json");
    const auto truth = nlohmann::json::parse(read_text(truth_path));
    for (const auto& [id, value] : truth.at("propositions").items())
        if (value.is_boolean()) out.verdicts.emplace_back(id, value.get<bool>());
    for (const auto& [id, label] : truth.at("actors").items()) out.labels.emplace_back(id, label.get<std::string>());
    for (const auto& s : truth.value("position_shifts", nlohmann::json::array()))
        out.shifts.push_back({s.at(0).get<std::string>(), s.at(1).get<std::string>(), s.at(2).get<std::string>()});
    return out;
}

inline std::string fixed3(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", x);
    return buf;
}

/// How one algorithm fares on one case.
struct case_score {
    std::size_t verdicts_right = 0, verdicts = 0;
    std::size_t pairs_right = 0, pairs = 0;  ///< reliable ranked strictly above unreliable
    std::size_t shifts_found = 0, shifts = 0;
    std::vector<std::string> wrong{};         ///< what went wrong, one line each
};

/// Runs `narrative actors`' report with these options (relations inferred first, as the CLI
/// does) and compares it with the record. A null credibility loses its pairs.
inline case_score score(const settled_case& sc, const narrative::actor_consistency_options& options) {
    narrative::case_model c = sc.model;
    (void)narrative::infer_relations(c);
    const auto report = narrative::actor_consistency_report(c, options);
    case_score out{};
    // (No structured bindings here: Clang 14 cannot capture them in the lambdas below.)
    for (const auto& settled : sc.verdicts) {
        const std::string& id = settled.first;
        const bool truth = settled.second;
        ++out.verdicts;
        const auto it = std::find_if(report.propositions.begin(), report.propositions.end(),
                                     [&](const auto& p) { return p.id == id; });
        const std::string want = truth ? "true" : "false";
        if (it != report.propositions.end() && it->verdict == want) ++out.verdicts_right;
        else out.wrong.push_back("verdict " + id + ": " + (it == report.propositions.end() || !it->verdict ? std::string("none") : *it->verdict) + ", settled " + want);
    }
    const auto credibility = [&](const std::string& actor) -> std::optional<double> {
        const auto a = c.find_actor(actor);
        if (!a) return std::nullopt;
        return report.actors[*a].credibility.value;
    };
    for (const auto& [good, lg] : sc.labels) {
        if (lg != "reliable") continue;
        for (const auto& [bad, lb] : sc.labels) {
            if (lb != "unreliable") continue;
            ++out.pairs;
            const auto g = credibility(good), b = credibility(bad);
            if (g && b && *g > *b) ++out.pairs_right;
            else out.wrong.push_back("pair " + good + " (" + (g ? fixed3(*g) : "null") + ") vs " + bad + " (" + (b ? fixed3(*b) : "null") + ")");
        }
    }
    const auto tensions = narrative::self_contradictions(c);
    for (const auto& shift : sc.shifts) {
        const std::string &actor = shift[0], &earlier = shift[1], &later = shift[2];
        ++out.shifts;
        const auto e = c.find_statement(earlier), l = c.find_statement(later);
        const bool found = e && l && std::any_of(tensions.begin(), tensions.end(), [&](const auto& t) {
            const bool pair = (t.earlier == *e && t.later == *l) ||
                              (t.kind == narrative::self_contradiction_kind::simultaneous && t.earlier == *l && t.later == *e);
            return pair && c.actor_at(t.actor).id == actor;
        });
        if (found) ++out.shifts_found;
        else out.wrong.push_back("position shift of " + actor + " not found: " + earlier + " -> " + later);
    }
    return out;
}

inline case_score score(const settled_case& sc, const std::string& algorithm) {
    narrative::actor_consistency_options options{};
    options.algorithm = algorithm;
    return score(sc, options);
}

/// NAME.json files that have a NAME.truth.json beside them, sorted.
inline std::vector<std::filesystem::path> cases_in(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> out{};
    if (!std::filesystem::is_directory(dir)) return out;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        const auto p = e.path();
        if (p.extension() != ".json" || p.stem().extension() == ".truth") continue;
        auto t = p;
        t.replace_extension(".truth.json");
        if (std::filesystem::exists(t)) out.push_back(p);
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace real_cases
