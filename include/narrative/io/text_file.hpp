// SPDX-License-Identifier: MIT
#pragma once
// Whole-file reads and atomic writes: an output is either the complete new content or the old
// file untouched, never half-written.

#include <narrative/error.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <string_view>
#include <system_error>

namespace narrative {

/// The whole content of a file. Throws io_error naming the path and the reason.
[[nodiscard]] inline std::string read_text_file(const std::filesystem::path& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw io_error(path.string(), "is a directory");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw io_error(path.string(), std::strerror(errno));
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw io_error(path.string(), "read failed");
    return text;
}

/// Writes `content` to `path` through a temporary file in the same folder, renamed over the
/// target once completely written and flushed. Throws io_error; the target is then untouched
/// and the temporary file removed.
inline void write_text_file_atomically(const std::filesystem::path& path, std::string_view content) {
    namespace fs = std::filesystem;
    const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) throw io_error(path.string(), "no such directory: " + folder.string());
    if (fs::is_directory(path, ec)) throw io_error(path.string(), "is a directory");
    std::random_device seed;
    const fs::path temporary =
        folder / ("." + path.filename().string() + ".tmp-" + std::to_string(seed() % 1000000000u));
    {
        std::FILE* f = std::fopen(temporary.c_str(), "wb");
        if (!f) throw io_error(path.string(), std::string("cannot create a temporary file: ") + std::strerror(errno));
        const bool written = std::fwrite(content.data(), 1, content.size(), f) == content.size();
        const bool flushed = std::fflush(f) == 0;
        const bool closed = std::fclose(f) == 0;
        if (!written || !flushed || !closed) {
            const std::string reason = std::strerror(errno);
            fs::remove(temporary, ec);
            throw io_error(path.string(), "write failed: " + reason);
        }
    }
    fs::rename(temporary, path, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        throw io_error(path.string(), ec);
    }
}

}  // namespace narrative
