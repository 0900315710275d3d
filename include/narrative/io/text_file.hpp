// SPDX-License-Identifier: MIT
#pragma once
// Whole-file reads and safe writes: a regular file is replaced atomically (the complete new
// content or the old file untouched, never half-written, and no temporary file left behind);
// character devices and FIFOs are written through; symbolic links are followed.

#include <narrative/error.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <system_error>

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>
#define NARRATIVE_POSIX_FILES 1
#else
#define NARRATIVE_POSIX_FILES 0
#endif

namespace narrative {

/// Spare bytes that read_text_file leaves after the text (zeroed, beyond size()), so that a
/// parser reading ahead in blocks (simdjson) can use the text without copying it.
inline constexpr std::size_t text_padding = 64;

/// The whole content of a file, with text_padding bytes of spare capacity. Throws io_error
/// naming the path and the reason.
[[nodiscard]] inline std::string read_text_file(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw io_error(path.string(), "is a directory");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw io_error(path.string(), std::strerror(errno));
    // Read in blocks: the size of a regular file is the first guess, pipes and devices grow.
    std::size_t guess = 1 << 16;
    if (const auto size = std::filesystem::file_size(path, ec); !ec && std::filesystem::is_regular_file(path, ec))
        guess = static_cast<std::size_t>(size) + 1;
    std::string text;
    text.resize(guess + text_padding);
    std::size_t filled = 0;
    for (;;) {
        in.read(text.data() + filled, static_cast<std::streamsize>(text.size() - text_padding - filled));
        filled += static_cast<std::size_t>(in.gcount());
        if (in.bad()) throw io_error(path.string(), "read failed");
        if (!in) break;  // end of file
        text.resize(2 * text.size());
    }
    std::fill(text.begin() + static_cast<std::ptrdiff_t>(filled), text.end(), '\0');
    text.resize(filled);  // keeps the capacity, and the zeroed bytes after the end
    return text;
}

namespace detail {

/// A short random name for a temporary file, `.narrative-` and 8 letters or digits: 19 bytes,
/// so that it fits wherever the target's own name fits.
[[nodiscard]] inline std::string temporary_file_name() {
    static constexpr char letters[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    thread_local std::mt19937_64 random{std::random_device{}()};
    std::string name = ".narrative-";
    for (int i = 0; i < 8; ++i) name += letters[random() % (sizeof letters - 1)];
    return name;
}

/// The temporary files of writes in progress, for removal when a signal ends the process:
/// fixed slots read by the signal handler without allocating or locking. A slot is 0 when free,
/// 1 while its path is being written, 2 when the path names a temporary file to remove.
struct pending_temporaries {
    static constexpr std::size_t slots = 16;
    static constexpr std::size_t path_bytes = 4096;
    std::array<std::atomic<int>, slots> state{};
    std::array<std::array<char, path_bytes>, slots> path{};
};
inline pending_temporaries pending_temporary_files{};

/// Claims a slot for `path`; returns its number, or `slots` when none is free or the path is
/// too long (the file is then only removed by its owner).
[[nodiscard]] inline std::size_t remember_temporary(const std::string& path) noexcept {
    auto& p = pending_temporary_files;
    if (path.size() >= pending_temporaries::path_bytes) return pending_temporaries::slots;
    for (std::size_t i = 0; i < pending_temporaries::slots; ++i) {
        int expected = 0;
        if (!p.state[i].compare_exchange_strong(expected, 1)) continue;
        std::memcpy(p.path[i].data(), path.c_str(), path.size() + 1);
        p.state[i].store(2);
        return i;
    }
    return pending_temporaries::slots;
}

inline void forget_temporary(std::size_t slot) noexcept {
    if (slot < pending_temporaries::slots) pending_temporary_files.state[slot].store(0);
}

#if NARRATIVE_POSIX_FILES
/// Removes every remembered temporary file; safe to call from a signal handler.
inline void remove_pending_temporaries() noexcept {
    auto& p = pending_temporary_files;
    for (std::size_t i = 0; i < pending_temporaries::slots; ++i)
        if (p.state[i].load() == 2) ::unlink(p.path[i].data());
}

/// Blocks the signals whose handler removes temporaries while a temporary file is created or
/// renamed and remembered or forgotten, so that the handler never sees half the change.
class cleanup_signals_blocked {
public:
    cleanup_signals_blocked() noexcept {
        sigset_t set;
        sigemptyset(&set);
        for (const int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set, s);
        pthread_sigmask(SIG_BLOCK, &set, &saved_);
    }
    ~cleanup_signals_blocked() { pthread_sigmask(SIG_SETMASK, &saved_, nullptr); }
    cleanup_signals_blocked(const cleanup_signals_blocked&) = delete;
    cleanup_signals_blocked& operator=(const cleanup_signals_blocked&) = delete;

private:
    sigset_t saved_{};
};

[[nodiscard]] inline std::string system_reason(int error) { return std::strerror(error); }
#endif

}  // namespace detail

/// For programs: on SIGINT, SIGTERM or SIGHUP, remove the temporary files of writes in progress,
/// then let the signal take its default action (the process still ends by that signal). A
/// library never installs signal handlers by itself; the `narrative` tool calls this first.
/// Writes that use an unnamed temporary (see atomic_file) need no handler. No effect on systems
/// without POSIX signals.
inline void remove_temporary_files_on_signals() {
#if NARRATIVE_POSIX_FILES
    struct sigaction action {};
    action.sa_handler = [](int signal_number) {
        detail::remove_pending_temporaries();
        ::raise(signal_number);  // SA_RESETHAND restored the default action
    };
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    for (const int s : {SIGINT, SIGTERM, SIGHUP}) {
        struct sigaction previous {};
        // A signal the process was started to ignore (nohup) stays ignored.
        if (::sigaction(s, nullptr, &previous) == 0 && previous.sa_handler == SIG_IGN) continue;
        ::sigaction(s, &action, nullptr);
    }
#endif
}

/// A new version of a regular file, written aside and then put in place in one step.
///
/// The content goes to a temporary file in the target's folder; commit() renames it over the
/// target, which until then is untouched. Where the system allows (Linux `O_TMPFILE`), the
/// temporary has no name until commit() (`anonymous`), so even a killed process leaves nothing
/// behind; otherwise it is a short hidden name (`.narrative-` and 8 letters), removed when the
/// atomic_file is destroyed uncommitted and, once remove_temporary_files_on_signals() has been
/// called, when the process gets SIGINT, SIGTERM or SIGHUP. Throws io_error naming the target.
class atomic_file {
public:
    explicit atomic_file(std::filesystem::path target, bool anonymous = true) : target_(std::move(target)) {
        folder_ = target_.has_parent_path() ? target_.parent_path() : std::filesystem::path(".");
#if NARRATIVE_POSIX_FILES
#ifdef O_TMPFILE
        if (anonymous) {
            fd_ = ::open(folder_.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
            if (fd_ >= 0) return;  // otherwise (file system without it): a named temporary
        }
#endif
        (void)anonymous;
        create_named();
#else
        (void)anonymous;
        temporary_ = folder_ / detail::temporary_file_name();
        file_ = std::fopen(temporary_.string().c_str(), "wb");
        if (!file_) fail(std::string("cannot create a temporary file: ") + std::strerror(errno));
#endif
    }

    atomic_file(const atomic_file&) = delete;
    atomic_file& operator=(const atomic_file&) = delete;

    ~atomic_file() { discard(); }

    /// The temporary file's path; empty while it has no name.
    [[nodiscard]] const std::filesystem::path& temporary() const noexcept { return temporary_; }

    /// Appends `text`.
    void write(std::string_view text) {
#if NARRATIVE_POSIX_FILES
        while (!text.empty()) {
            const ::ssize_t n = ::write(fd_, text.data(), text.size());
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) fail("write failed: " + detail::system_reason(errno));
            text.remove_prefix(static_cast<std::size_t>(n));
        }
#else
        if (std::fwrite(text.data(), 1, text.size(), file_) != text.size())
            fail(std::string("write failed: ") + std::strerror(errno));
#endif
    }

    /// Puts the new content in place of the target.
    void commit() {
#if NARRATIVE_POSIX_FILES
        if (temporary_.empty()) give_name();
        const int closing = ::close(fd_);
        fd_ = -1;
        if (closing != 0) fail("write failed: " + detail::system_reason(errno));
        {
            detail::cleanup_signals_blocked blocked;
            if (::rename(temporary_.c_str(), target_.c_str()) != 0) fail(detail::system_reason(errno));
            detail::forget_temporary(slot_);
            slot_ = detail::pending_temporaries::slots;
        }
#else
        const bool flushed = std::fflush(file_) == 0;
        const bool closed = std::fclose(file_) == 0;
        file_ = nullptr;
        if (!flushed || !closed) fail(std::string("write failed: ") + std::strerror(errno));
        std::error_code ec;
        std::filesystem::rename(temporary_, target_, ec);
        if (ec) fail(ec.message());
#endif
        temporary_.clear();
    }

private:
    [[noreturn]] void fail(const std::string& reason) {
        discard();
        throw io_error(target_.string(), reason);
    }

    // Closes and removes the temporary, if any.
    void discard() noexcept {
#if NARRATIVE_POSIX_FILES
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
        if (!temporary_.empty()) {
            detail::cleanup_signals_blocked blocked;
            ::unlink(temporary_.c_str());
            detail::forget_temporary(slot_);
            slot_ = detail::pending_temporaries::slots;
        }
#else
        if (file_) std::fclose(file_);
        file_ = nullptr;
        std::error_code ignored;
        if (!temporary_.empty()) std::filesystem::remove(temporary_, ignored);
#endif
        temporary_.clear();
    }

#if NARRATIVE_POSIX_FILES
    // A new temporary file with a short hidden name, remembered for removal on a signal.
    void create_named() {
        for (int attempt = 0; attempt < 100; ++attempt) {
            const std::filesystem::path name = folder_ / detail::temporary_file_name();
            detail::cleanup_signals_blocked blocked;
            fd_ = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
            if (fd_ >= 0) {
                temporary_ = name;
                slot_ = detail::remember_temporary(name.string());
                return;
            }
            if (errno != EEXIST) break;
        }
        const int reason = errno;
        throw io_error(target_.string(), "cannot create a temporary file: " + detail::system_reason(reason));
    }

    // Links the unnamed temporary into the folder under a short hidden name (needed to rename
    // it over the target); if the system refuses, copies it to a named temporary instead.
    void give_name() {
#ifdef AT_SYMLINK_FOLLOW
        const std::string self = "/proc/self/fd/" + std::to_string(fd_);
        for (int attempt = 0; attempt < 100; ++attempt) {
            const std::filesystem::path name = folder_ / detail::temporary_file_name();
            detail::cleanup_signals_blocked blocked;
            if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0) {
                temporary_ = name;
                slot_ = detail::remember_temporary(name.string());
                return;
            }
            if (errno != EEXIST) break;
        }
#endif
        const int unnamed = fd_;
        fd_ = -1;
        try {
            create_named();
            std::array<char, 1 << 16> buffer{};
            for (::off_t offset = 0;;) {
                const ::ssize_t n = ::pread(unnamed, buffer.data(), buffer.size(), offset);
                if (n < 0 && errno == EINTR) continue;
                if (n < 0) fail("write failed: " + detail::system_reason(errno));
                if (n == 0) break;
                write(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
                offset += n;
            }
        } catch (...) {
            ::close(unnamed);
            throw;
        }
        ::close(unnamed);
    }

    int fd_ = -1;
    std::size_t slot_ = detail::pending_temporaries::slots;
#else
    std::FILE* file_ = nullptr;
#endif
    std::filesystem::path target_{};
    std::filesystem::path folder_{};
    std::filesystem::path temporary_{};
};

namespace detail {

/// Where a path leads through its symbolic links (relative links read from the link's folder);
/// the path itself when it is not a link, whether or not it exists.
[[nodiscard]] inline std::filesystem::path follow_symlinks(const std::filesystem::path& path) {
    namespace fs = std::filesystem;
    fs::path p = path;
    for (int hops = 0; hops < 40; ++hops) {
        std::error_code ec;
        if (!fs::is_symlink(fs::symlink_status(p, ec)) || ec) return p;
        const fs::path link = fs::read_symlink(p, ec);
        if (ec) return p;
        p = link.is_absolute() ? link : p.parent_path() / link;
    }
    throw io_error(path.string(), "too many levels of symbolic links");
}

#if NARRATIVE_POSIX_FILES
// Writes to a character device or FIFO as it is: no temporary, no rename.
inline void write_through(const std::filesystem::path& path, std::string_view content) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) throw io_error(path.string(), system_reason(errno));
    while (!content.empty()) {
        const ::ssize_t n = ::write(fd, content.data(), content.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int reason = errno;
            ::close(fd);
            throw io_error(path.string(), "write failed: " + system_reason(reason));
        }
        content.remove_prefix(static_cast<std::size_t>(n));
    }
    if (::close(fd) != 0) throw io_error(path.string(), "write failed: " + system_reason(errno));
}
#endif

}  // namespace detail

/// Writes `content` to `path` so that no reader ever sees a half-written file:
/// - a regular file (or a new one) is replaced atomically through an atomic_file in the same
///   folder; it is either the complete new content or untouched, and no temporary is left;
/// - a symbolic link is followed: the file it leads to is replaced as above, the link stays;
/// - a character device or a FIFO (`/dev/null`, a terminal, a named pipe) is written to as it
///   is, never replaced by a regular file;
/// - a directory or any other kind of file is refused.
/// Throws io_error naming `path` and the reason.
inline void write_text_file_atomically(const std::filesystem::path& path, std::string_view content) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto status = fs::status(path, ec);  // through every link
    if (fs::is_directory(status)) throw io_error(path.string(), "is a directory");
#if NARRATIVE_POSIX_FILES
    if (fs::is_character_file(status) || fs::is_fifo(status)) return detail::write_through(path, content);
#endif
    if (fs::exists(status) && !fs::is_regular_file(status))
        throw io_error(path.string(), "not a regular file, character device or FIFO");
    const fs::path target = detail::follow_symlinks(path);
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (!fs::is_directory(folder, ec)) throw io_error(path.string(), "no such directory: " + folder.string());
    try {
        atomic_file out(target);
        out.write(content);
        out.commit();
    } catch (const io_error& e) {
        if (target == path) throw;
        // Name the path as given, and the reason.
        throw io_error(path.string(), std::string(e.what()).substr(e.path().size() + 2));
    }
}

}  // namespace narrative

#undef NARRATIVE_POSIX_FILES
