// SPDX-License-Identifier: MIT
// What the commands share: input, output and diagnostics.

#include "case_formats.hpp"
#include "commands.hpp"

#include <narrative/io/aif.hpp>
#include <narrative/io/argdown_json.hpp>
#include <narrative/io/case_json.hpp>
#include <narrative/io/claimreview.hpp>
#include <narrative/io/text_file.hpp>

#include <unistd.h>

#include <cctype>
#include <charconv>
#include <chrono>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <system_error>
#include <unordered_map>
#include <vector>

namespace narrative::cli {
namespace {

// Every input file read in this run: outputs must never replace one of them.
std::vector<std::filesystem::path>& inputs() {
    static std::vector<std::filesystem::path> paths;
    return paths;
}

}  // namespace

void add_output_options(CLI::App* command, output_options& options) {
    command->add_option("--format", options.format, "Output format")
        ->check(CLI::IsMember({"table", "json", "markdown"}))
        ->capture_default_str();
    command->add_option("-o,--output", options.path, "Write to FILE (atomically) instead of standard output");
}

std::string read_input(const std::string& path) {
    if (path == "-") {
        std::ostringstream buffer;
        buffer << std::cin.rdbuf();
        if (std::cin.bad()) throw io_error("<stdin>", "read failed");
        return buffer.str();
    }
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > (std::uintmax_t{64} << 20) && ::isatty(STDERR_FILENO))
        std::cerr << "narrative: reading " << path << " (" << (size >> 20) << " MiB)...\n";
    std::string text = read_text_file(path);
    inputs().emplace_back(path);
    return text;
}

case_model& keep_until_exit(case_model&& c) {
    // Reachable from a static pointer until the end, so leak checkers do not count it.
    static auto* const kept = new std::vector<std::unique_ptr<case_model>>();
    kept->push_back(std::make_unique<case_model>(std::move(c)));
    return *kept->back();
}

case_model load_case_argument(const std::string& path) {
    // Tables are told by their extension (columns named as the case keys, tables beside).
    if (const std::string format = format_by_extension(path); format == "csv" || format == "tsv")
        return read_case_as(path, format);
    const auto started = std::chrono::steady_clock::now();
    std::string text = read_input(path);
    const std::size_t bytes = text.size();
    const std::string source = path == "-" ? std::string("<stdin>") : path;
    auto result = detail::check_case_releasing(text, text.capacity(), source);
    // An AIF nodeset is read as such; tried only when the case reader refuses the text, so a
    // case file costs nothing more.
    if (!result.model && looks_like_aif(text)) result = check_aif(text, source);
    else if (!result.model && looks_like_claimreview(text)) result = check_claimreview(text, source);
    else if (!result.model && looks_like_argdown_json(text)) result = check_argdown_json(text, source);
    std::string().swap(text);  // the model no longer needs the text
    if (!result.model) throw parse_error(std::move(result.diagnostics));
    print_diagnostics(result.diagnostics);  // warnings only
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (seconds >= 1.0 && ::isatty(STDERR_FILENO))
        std::cerr << "narrative: read " << result.model->statement_count() << " statements and "
                  << result.model->relation_count() << " relations (" << (bytes >> 20) << " MiB) in "
                  << static_cast<long long>(seconds * 10) / 10.0 << " s\n";
    return std::move(*result.model);
}

std::uint64_t parse_unsigned_option(const std::string& option, const std::string& text, std::uint64_t min,
                                    std::uint64_t max, const std::string& why) {
    std::uint64_t n = 0;
    const char* end = text.data() + text.size();
    const auto [stop, ec] = std::from_chars(text.data(), end, n);
    if (ec != std::errc{} || stop != end || n < min || n > max)
        throw usage_error(option + " must be from " + std::to_string(min) + " to " + std::to_string(max) + ", got " +
                          text + (why.empty() ? std::string() : " (" + why + ")"));
    return n;
}

void add_threads_option(CLI::App* command, std::string& threads) {
    command->add_option("--threads", threads,
                        "Threads of the iteration sweeps, 0 for every core (default); results do not depend on it")
        ->type_name("UINT");
}

unsigned parse_threads(const std::string& threads) {
    return static_cast<unsigned>(parse_unsigned_option("--threads", threads, 0, 1024, "0 uses every core"));
}

progress_step::progress_step(std::string name) : name_(std::move(name)), started_(std::chrono::steady_clock::now()) {
    if (!::isatty(STDERR_FILENO)) return;
    // One waiting thread per step: it names the step after a second unless the step ended.
    watcher_ = std::thread([this] {
        std::unique_lock lock(mutex_);
        if (wake_.wait_for(lock, std::chrono::seconds(1), [this] { return done_; })) return;
        announced_ = true;
        std::cerr << "narrative: " << name_ << "...\n" << std::flush;
    });
}

progress_step::~progress_step() {
    if (!watcher_.joinable()) return;
    {
        std::lock_guard lock(mutex_);
        done_ = true;
    }
    wake_.notify_one();
    watcher_.join();
    if (!announced_) return;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    std::cerr << "narrative: " << name_ << ": done in " << static_cast<long long>(seconds * 10) / 10.0 << " s\n";
}

void emit_to(const std::string& path, const std::string& text) {
    // The standard streams, also by the names the system gives them, are written as streams
    // (never replaced, whatever file they are redirected to).
    if (path.empty() || path == "-" || path == "/dev/stdout" || path == "/dev/fd/1" || path == "/proc/self/fd/1") {
        std::cout << text;
        std::cout.flush();
        if (!std::cout) throw output_error("<stdout>", "write failed");
        return;
    }
    if (path == "/dev/stderr" || path == "/dev/fd/2" || path == "/proc/self/fd/2") {
        std::cerr << text;
        std::cerr.flush();
        if (!std::cerr) throw output_error("<stderr>", "write failed");
        return;
    }
    std::error_code ec;
    for (const auto& input : inputs())
        if (std::filesystem::equivalent(input, path, ec))
            throw usage_error("refusing to overwrite the input file " + path);
    try {
        const progress_step progress("writing " + path);
        write_text_file_atomically(path, text);
    } catch (const io_error& e) {
        throw output_error(path, e.what() + path.size() + 2);  // drop the repeated "path: "
    }
}

void emit(const output_options& options, const std::string& text) { emit_to(options.path, text); }

std::string diagnostic_kind(const diagnostic& d) {
    // The message up to its first quoted value or number: "duplicate statement id",
    // "unknown statement", "must be a number in".
    const std::string& m = d.message;
    std::size_t end = m.find_first_of("\"0123456789");
    if (end == std::string::npos) end = m.size();
    while (end > 0 && !std::isalnum(static_cast<unsigned char>(m[end - 1]))) --end;
    return m.substr(0, end);
}

void print_diagnostics(const std::vector<diagnostic>& diagnostics) {
    struct kind_count {
        enum severity severity = severity::error;
        std::size_t count = 0;
    };
    std::unordered_map<std::string, kind_count> counts;
    std::vector<std::string> kinds;  // in order of first appearance
    std::string text;
    for (const auto& d : diagnostics) {
        const std::string kind = (d.severity == severity::error ? "e:" : "w:") + diagnostic_kind(d);
        auto [it, inserted] = counts.try_emplace(kind, kind_count{.severity = d.severity, .count = 0});
        if (inserted) kinds.push_back(kind);
        if (++it->second.count > max_printed_per_kind) continue;
        text += d.to_string();
        text += '\n';
        if (text.size() >= (std::size_t{1} << 16)) {
            std::cerr << text;
            text.clear();
        }
    }
    for (const auto& kind : kinds) {
        const auto& [sev, count] = counts.at(kind);
        if (count <= max_printed_per_kind) continue;
        const std::size_t rest = count - max_printed_per_kind;
        text += "narrative: " + std::to_string(rest) + " more " + (sev == severity::error ? "error" : "warning") +
                (rest == 1 ? "" : "s") + " of the kind \"" + kind.substr(2) + "\" not printed (only the first " +
                std::to_string(max_printed_per_kind) + " of each kind are)\n";
    }
    std::cerr << text;
}

}  // namespace narrative::cli
