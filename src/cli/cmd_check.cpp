// SPDX-License-Identifier: MIT
// `narrative check CASE`: validate a case file; summarise it and print every diagnostic.

#include "case_formats.hpp"
#include "commands.hpp"

#include <narrative/io/aif.hpp>
#include <narrative/io/argdown_json.hpp>
#include <narrative/io/case_json.hpp>
#include <narrative/io/claimreview.hpp>
#include <narrative/model/case_model.hpp>
#include <narrative/model/case_summary.hpp>
#include <narrative/report/check.hpp>

#include <memory>
#include <string>
#include <utility>

namespace narrative::cli {

void register_check(CLI::App& app) {
    struct options {
        std::string input{};
        output_options output{};
    };
    auto opts = std::make_shared<options>();
    CLI::App* cmd = app.add_subcommand("check", "Validate a case file; print a summary and every diagnostic");
    cmd->add_option("CASE", opts->input, "Case file (narrative/1 JSON, an AIF nodeset, or a statements table .csv/.tsv with its tables beside it), or - for standard input")->required();
    add_output_options(cmd, opts->output);
    cmd->callback([opts] {
        const std::string source = opts->input == "-" ? "<stdin>" : opts->input;
        std::string text = read_input(opts->input);
        // Tables (.csv, .tsv) are checked as tables, with the tables beside them.
        const std::string table_format = format_by_extension(opts->input);
        auto result = table_format == "csv" || table_format == "tsv"
                          ? check_as(text, source, table_format)
                          : detail::check_case_releasing(text, text.capacity(), source);
        // An AIF nodeset is checked as such (tried only when the case reader refuses the text).
        if (!result.model && looks_like_aif(text)) result = check_aif(text, source);
        else if (!result.model && looks_like_claimreview(text)) result = check_claimreview(text, source);
        else if (!result.model && looks_like_argdown_json(text)) result = check_argdown_json(text, source);
        if (!result.model) throw parse_error(std::move(result.diagnostics));  // exit 1, nothing on stdout
        const case_model& model = keep_until_exit(std::move(*result.model));
        std::size_t warnings = 0;
        for (const auto& d : result.diagnostics) warnings += d.severity == severity::warning ? 1 : 0;
        if (opts->output.format == "json") {
            emit(opts->output, report::check_json(source, &model, result.diagnostics));
        } else {
            print_diagnostics(result.diagnostics);
            emit(opts->output, report::check_table(source, model, summarise_case(model), warnings,
                                                    opts->output.format == "markdown"));
        }
    });
}

}  // namespace narrative::cli
