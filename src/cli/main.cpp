// SPDX-License-Identifier: MIT
// The `narrative` command-line tool: parses the command line and maps every failure to the exit
// codes of the CLI contract (0 ok, 1 invalid input, 2 usage, 3 output not written).

#include "commands.hpp"

#include <narrative/io/text_file.hpp>
#include <narrative/version.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iostream>
#include <new>

namespace {

// The last resort for an exception that escapes where it cannot be caught, e.g. std::bad_alloc
// from a destructor that allocates (nlohmann::json's does, to free a document without
// recursion) while the exception that exhausted memory unwinds: the run still ends with the
// contract's exit code (1 out of memory, 70 internal error) and no temporary file, never with
// an abort. Only async-signal-safe calls once the exception is classified.
[[noreturn]] void terminate_with_exit_code() noexcept {
    int code = 70;
    const char* message = "narrative: internal error: terminated\n";
    if (const std::exception_ptr e = std::current_exception()) {
        try {
            std::rethrow_exception(e);
        } catch (const std::bad_alloc&) {
            code = 1;
            message = "narrative: out of memory\n";
        } catch (...) {
        }
    }
#if NARRATIVE_POSIX_FILES
    narrative::detail::remove_pending_temporaries();
#endif
    (void)!::write(STDERR_FILENO, message, std::strlen(message));
    std::_Exit(code);
}

}  // namespace

int main(int argc, char** argv) {
    using namespace narrative;
    CLI::App app{"narrative: contradictions, camps, statement strength and actor credibility in case files"};
    app.name("narrative");
    app.set_version_flag("--version", std::string("narrative ") + std::string(version_string));
    app.require_subcommand(1, 1);
    app.fallthrough(false);

    // A run ended by Ctrl-C or a termination request leaves no temporary output file behind.
    remove_temporary_files_on_signals();
    std::set_terminate(terminate_with_exit_code);

    cli::register_check(app);
    cli::register_contradictions(app);
    cli::register_infer(app);
    cli::register_convert(app);
    cli::register_merge(app);
    cli::register_semantics(app);
    cli::register_score(app);
    cli::register_actors(app);
    cli::register_explain(app);
    cli::register_extensions(app);
    cli::register_report(app);
    cli::register_timeline(app);
    cli::register_diff(app);

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
