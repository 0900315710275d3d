// SPDX-License-Identifier: MIT
// The `narrative` command-line tool: parses the command line and maps every failure to the exit
// codes of the CLI contract (0 ok, 1 invalid input, 2 usage, 3 output not written).

#include "commands.hpp"

#include <narrative/io/text_file.hpp>
#include <narrative/version.hpp>

#include <algorithm>
#include <exception>
#include <iostream>
#include <new>

int main(int argc, char** argv) {
    using namespace narrative;
    CLI::App app{"narrative: contradictions, camps, statement strength and actor credibility in case files"};
    app.name("narrative");
    app.set_version_flag("--version", std::string("narrative ") + std::string(version_string));
    app.require_subcommand(1, 1);
    app.fallthrough(false);

    // A run ended by Ctrl-C or a termination request leaves no temporary output file behind.
    remove_temporary_files_on_signals();

    cli::register_check(app);
    cli::register_contradictions(app);
    cli::register_infer(app);
    cli::register_convert(app);
    cli::register_semantics(app);
    cli::register_score(app);
    cli::register_actors(app);
    cli::register_explain(app);
    cli::register_extensions(app);

    // CLI11 reports an unknown command only as a missing one: name it.
    const auto subcommands = app.get_subcommands({});
    const auto is_command = [&](const std::string& word) {
        return std::any_of(subcommands.begin(), subcommands.end(),
                           [&](const CLI::App* sub) { return sub->get_name() == word; });
    };
    if (argc > 1 && argv[1][0] != '-' && !is_command(argv[1])) {
        std::cerr << "narrative: unknown command '" << argv[1] << "'; commands:";
        for (const auto* sub : subcommands) std::cerr << ' ' << sub->get_name();
        std::cerr << "\nRun 'narrative --help' for usage.\n";
        return 2;
    }
    try {
        app.parse(argc, argv);
        return 0;
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "narrative: " << e.what() << "\nRun 'narrative --help' for usage.\n";
        return 2;
    } catch (const parse_error& e) {
        cli::print_diagnostics(e.diagnostics());
        return 1;
    } catch (const cli::output_error& e) {
        std::cerr << "narrative: cannot write " << e.what() << '\n';
        return 3;
    } catch (const io_error& e) {
        std::cerr << "narrative: cannot read " << e.what() << '\n';
        return 1;
    } catch (const usage_error& e) {
        std::cerr << "narrative: " << e.what() << '\n';
        return 2;
    } catch (const rule_error& e) {
        std::cerr << "narrative: " << e.what() << '\n';
        return 2;
    } catch (const model_error& e) {
        std::cerr << "narrative: invalid case: " << e.what() << '\n';
        return 1;
    } catch (const std::bad_alloc&) {
        std::cerr << "narrative: out of memory\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "narrative: internal error: " << e.what() << '\n';
        return 70;
    }
}
