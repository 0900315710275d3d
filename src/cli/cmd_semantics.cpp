// SPDX-License-Identifier: MIT
// `narrative semantics`: the names the analysis commands accept, with one line each.

#include "commands.hpp"

#include <narrative/credibility/credibility.hpp>
#include <narrative/extensions/registry.hpp>
#include <narrative/gradual/registry.hpp>
#include <narrative/report/catalog.hpp>

#include <memory>
#include <utility>
#include <vector>

namespace narrative::cli {
namespace {

std::vector<report::catalog_section> catalog() {
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
        emit(*output, output->format == "json" ? report::catalog_json(sections)
                                               : report::catalog_text(sections, output->format == "markdown"));
    });
}

}  // namespace narrative::cli
