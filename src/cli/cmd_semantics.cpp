// SPDX-License-Identifier: MIT
// `narrative semantics`: the names the analysis commands accept, with one line each.

#include "commands.hpp"

#include <narrative/credibility/credibility.hpp>
#include <narrative/extensions/registry.hpp>
#include <narrative/gradual/registry.hpp>

#include <nlohmann/json.hpp>

#include <memory>
#include <sstream>
#include <utility>
#include <vector>

namespace narrative::cli {
namespace {

struct section {
    std::string key{};    // JSON key
    std::string title{};  // heading of the table
    std::string option{};  // the option that takes these names
    std::vector<std::pair<std::string, std::string>> entries{};
};

std::vector<section> catalog() {
    std::vector<std::pair<std::string, std::string>> credibility;
    for (const auto& a : credibility_algorithms()) credibility.emplace_back(a.name, a.summary);
    return {
        {.key = "gradual", .title = "Gradual semantics", .option = "score --semantics",
         .entries = gradual_semantics_catalog()},
        {.key = "crisp", .title = "Crisp semantics", .option = "extensions --semantics",
         .entries = crisp_registry().catalog()},
        {.key = "credibility", .title = "Credibility algorithms", .option = "actors --credibility",
         .entries = std::move(credibility)},
    };
}

}  // namespace

void register_semantics(CLI::App& app) {
    auto output = std::make_shared<output_options>();
    CLI::App* cmd = app.add_subcommand("semantics", "List the semantics and algorithms, with one line each");
    add_output_options(cmd, *output);
    cmd->callback([output] {
        const auto sections = catalog();
        std::ostringstream out;
        if (output->format == "json") {
            nlohmann::ordered_json doc = {{"format", "narrative-semantics/1"}};
            for (const auto& s : sections) {
                auto list = nlohmann::ordered_json::array();
                for (const auto& [name, line] : s.entries) list.push_back({{"name", name}, {"description", line}});
                doc[s.key] = std::move(list);
            }
            out << doc.dump(2) << '\n';
        } else {
            for (const auto& s : sections) {
                const bool md = output->format == "markdown";
                out << (md ? "## " : "") << s.title << " (" << s.option << ")\n";
                if (md) out << "\n| name | description |\n| --- | --- |\n";
                std::size_t width = 0;
                for (const auto& e : s.entries) width = std::max(width, e.first.size());
                for (const auto& [name, line] : s.entries) {
                    if (md)
                        out << "| `" << name << "` | " << line << " |\n";
                    else
                        out << "  " << name << std::string(width + 2 - name.size(), ' ') << line << '\n';
                }
                out << '\n';
            }
        }
        emit(*output, out.str());
    });
}

}  // namespace narrative::cli
