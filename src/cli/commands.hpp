// SPDX-License-Identifier: MIT
#pragma once
// The commands of the `narrative` tool and what they share: loading cases, output options,
// atomic output, and the exception that means "an output could not be written" (exit code 3).

#include <narrative/error.hpp>
#include <narrative/model/case_model.hpp>

#include <CLI/CLI.hpp>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace narrative::cli {

/// An output could not be written: exit code 3.
class output_error : public io_error {
public:
    using io_error::io_error;
};

/// `--format` and `-o` of an analysis command.
struct output_options {
    std::string format = "table";  ///< table | json | markdown
    std::string path{};            ///< empty: standard output
};

/// Adds `--format table|json|markdown` and `-o FILE` to a command.
void add_output_options(CLI::App* command, output_options& options);

/// Reads the case named on the command line (`-` is standard input): a case file, or an AIF
/// nodeset (top-level `nodes` or `AIF`, no `format`). Warnings are printed to standard error. Throws parse_error (exit 1) or io_error (exit 1).
[[nodiscard]] case_model load_case_argument(const std::string& path);

/// Moves a loaded case where it stays until the process ends, never freed: the system takes a
/// process's memory back at once, while freeing a graph of ten million relations node by node
/// took three seconds, a sixth of `check`. For the command that holds the case to its end.
[[nodiscard]] case_model& keep_until_exit(case_model&& c);

/// Like load_case_argument, for commands that also read the ICCMA formats: `format` is `json`,
/// `apx`, `tgf` or `i23`; empty means by the file's extension (`.apx`, `.tgf`, `.i23`), else
/// case JSON. Throws usage_error (exit 2) for another format name.
[[nodiscard]] case_model load_case_or_iccma(const std::string& path, const std::string& format);

/// Reads a whole input (`-` is standard input) and remembers it as an input, so that no
/// output overwrites it. Throws io_error.
[[nodiscard]] std::string read_input(const std::string& path);

/// An unsigned option given as text: a decimal integer from `min` to `max` (the whole text; no
/// sign, no hexadecimal, no spaces). Anything else, "-1" included, is a usage_error (exit 2):
/// "OPTION must be from MIN to MAX, got TEXT", followed by ` (why)` when `why` is given.
[[nodiscard]] std::uint64_t parse_unsigned_option(const std::string& option, const std::string& text,
                                                  std::uint64_t min, std::uint64_t max,
                                                  const std::string& why = {});

/// Adds `--threads N` to a command that solves gradual semantics: the threads of the iteration
/// sweeps, 0 (the default) for every core; the strengths do not depend on it.
void add_threads_option(CLI::App* command, std::string& threads);

/// The value of `--threads`: 0 to 1024, else usage_error (exit 2).
[[nodiscard]] unsigned parse_threads(const std::string& threads);

/// A step of a command that may take long (inferring, solving, analysing, writing), named on
/// standard error when it is a terminal and the step has run for a second: "narrative: NAME..."
/// then, when it ends, "narrative: NAME: done in 2.4 s". Shorter steps and redirected runs
/// print nothing, so scripts and tests see the same standard error as before.
class progress_step {
public:
    explicit progress_step(std::string name);
    ~progress_step();
    progress_step(const progress_step&) = delete;
    progress_step& operator=(const progress_step&) = delete;

private:
    std::string name_;
    std::chrono::steady_clock::time_point started_;
    std::mutex mutex_{};
    std::condition_variable wake_{};
    bool done_ = false;
    bool announced_ = false;
    std::thread watcher_{};
};

/// Runs `f()` as a progress_step named `name`; returns what it returns.
template <class F>
decltype(auto) step(std::string name, F&& f) {
    progress_step progress(std::move(name));
    return std::forward<F>(f)();
}

/// Writes `text` to standard output, or atomically to `options.path`. Refuses to overwrite an
/// input (usage_error, exit 2). Throws output_error (exit 3) when the file cannot be written.
void emit(const output_options& options, const std::string& text);

/// Writes `text` to `path` (`-` is standard output) as emit does.
void emit_to(const std::string& path, const std::string& text);

/// Diagnostics printed per kind (errors or warnings whose messages agree up to the first
/// quoted value or number, e.g. every "duplicate statement id"); the rest are counted.
inline constexpr std::size_t max_printed_per_kind = 100;

/// The kind of a diagnostic for the printing cap: its message up to the first quoted value or
/// number ("duplicate statement id", "unknown statement").
[[nodiscard]] std::string diagnostic_kind(const diagnostic& d);

/// Prints diagnostics to standard error, one per line, in order: the first
/// max_printed_per_kind of each kind, then one line per kind with the number not printed.
void print_diagnostics(const std::vector<diagnostic>& diagnostics);

/// Default of `--max-work` (contradictions, actors, explain): states reached by the path
/// searches for derived tensions and self-contradictions, which grow as n·d^k. A few seconds
/// of search (2·10⁷ states took 5.2 s in a Release build on a generated case of 10⁵ statements
/// and 1.26·10⁶ relations); a case of a few thousand statements stays well below it.
inline constexpr std::uint64_t default_max_work = 20'000'000;

/// Parses `--max-work`: 0 means no bound.
[[nodiscard]] inline std::uint64_t max_work_states(std::uint64_t option) noexcept {
    return option == 0 ? std::numeric_limits<std::uint64_t>::max() : option;
}

/// The commands; each adds its subcommand and sets the callback that runs it.
void register_check(CLI::App& app);
void register_contradictions(CLI::App& app);
void register_infer(CLI::App& app);
void register_convert(CLI::App& app);
void register_merge(CLI::App& app);
void register_semantics(CLI::App& app);
void register_score(CLI::App& app);
void register_actors(CLI::App& app);
void register_explain(CLI::App& app);
void register_extensions(CLI::App& app);
void register_report(CLI::App& app);
void register_timeline(CLI::App& app);
void register_diff(CLI::App& app);

}  // namespace narrative::cli
