// SPDX-License-Identifier: MIT
#include <narrative/io/text_file.hpp>

#include <doctest/doctest.h>

#include <csignal>
#include <filesystem>
#include <string>
#include <thread>

#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace narrative;
namespace fs = std::filesystem;

namespace {
// A fresh, empty folder for one test.
fs::path fresh_folder(const std::string& name) {
    const fs::path folder = fs::temp_directory_path() / ("narrative-text-file-test-" + name);
    fs::remove_all(folder);
    fs::create_directories(folder);
    return folder;
}

std::size_t entries(const fs::path& folder) {
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
}
}  // namespace

TEST_SUITE("io.text_file") {
    TEST_CASE("an atomic write replaces the whole file and leaves no temporary") {
        const fs::path folder = fresh_folder("replace");
        const fs::path target = folder / "out.json";
        write_text_file_atomically(target, "first version, longer than the second\n");
        write_text_file_atomically(target, "second\n");
        CHECK(read_text_file(target) == "second\n");
        CHECK(entries(folder) == 1);
        fs::remove_all(folder);
    }

    TEST_CASE("failures name the path") {
        CHECK_THROWS_AS(write_text_file_atomically("/no/such/folder/out.json", "x"), io_error);
        CHECK_THROWS_AS((void)read_text_file("/no/such/file"), io_error);
        CHECK_THROWS_AS((void)read_text_file(fs::temp_directory_path()), io_error);
        try {
            write_text_file_atomically("/no/such/folder/out.json", "x");
        } catch (const io_error& e) {
            CHECK(e.path() == "/no/such/folder/out.json");
            CHECK(e.code() == errc::io);
        }
        CHECK_THROWS_AS(write_text_file_atomically(fs::temp_directory_path(), "x"), io_error);
    }

    TEST_CASE("a file name of 250 bytes can be written: the temporary name is short") {
        // Names may have 255 bytes; a temporary named after the target would not fit.
        const fs::path folder = fresh_folder("long-name");
        const fs::path target = folder / (std::string(245, 'n') + ".json");
        REQUIRE(target.filename().string().size() == 250);
        write_text_file_atomically(target, "one\n");
        write_text_file_atomically(target, "two\n");
        CHECK(read_text_file(target) == "two\n");
        CHECK(entries(folder) == 1);
        fs::remove_all(folder);
    }

    TEST_CASE("a symbolic link is followed: its target is replaced, the link stays") {
        const fs::path folder = fresh_folder("symlink");
        fs::create_directories(folder / "real");
        write_text_file_atomically(folder / "real" / "case.json", "old\n");
        fs::create_symlink("real/case.json", folder / "link.json");
        write_text_file_atomically(folder / "link.json", "new\n");
        CHECK(fs::is_symlink(fs::symlink_status(folder / "link.json")));
        CHECK(fs::read_symlink(folder / "link.json") == "real/case.json");
        CHECK(read_text_file(folder / "real" / "case.json") == "new\n");
        CHECK(entries(folder / "real") == 1);
        // A link to a file not made yet: the file is made where the link points.
        fs::create_symlink("real/later.json", folder / "dangling.json");
        write_text_file_atomically(folder / "dangling.json", "made\n");
        CHECK(fs::is_symlink(fs::symlink_status(folder / "dangling.json")));
        CHECK(read_text_file(folder / "real" / "later.json") == "made\n");
        CHECK(entries(folder) == 3);  // real/, link.json, dangling.json
        fs::remove_all(folder);
    }

    TEST_CASE("a FIFO is written through, never replaced by a regular file") {
        const fs::path folder = fresh_folder("fifo");
        const fs::path fifo = folder / "pipe";
        REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
        std::string received;
        std::thread reader([&] { received = read_text_file(fifo); });
        write_text_file_atomically(fifo, "through the pipe\n");
        reader.join();
        CHECK(received == "through the pipe\n");
        CHECK(fs::is_fifo(fs::symlink_status(fifo)));
        CHECK(entries(folder) == 1);
        // Through a symbolic link too.
        fs::create_symlink("pipe", folder / "link");
        std::thread again([&] { received = read_text_file(fifo); });
        write_text_file_atomically(folder / "link", "again\n");
        again.join();
        CHECK(received == "again\n");
        CHECK(fs::is_fifo(fs::symlink_status(fifo)));
        CHECK(fs::is_symlink(fs::symlink_status(folder / "link")));
        fs::remove_all(folder);
    }

    TEST_CASE("an uncommitted atomic_file leaves the target and the folder as they were") {
        const fs::path folder = fresh_folder("uncommitted");
        write_text_file_atomically(folder / "out.json", "kept\n");
        for (const bool anonymous : {true, false}) {
            atomic_file out(folder / "out.json", anonymous);
            out.write("never committed\n");
        }
        CHECK(read_text_file(folder / "out.json") == "kept\n");
        CHECK(entries(folder) == 1);
        fs::remove_all(folder);
    }

    TEST_CASE("a write ended by SIGINT or SIGTERM leaves no temporary file") {
        const fs::path folder = fresh_folder("signal");
        for (const int signal_number : {SIGINT, SIGTERM}) {
            CAPTURE(signal_number);
            const pid_t child = ::fork();
            REQUIRE(child >= 0);
            if (child == 0) {
                // A named temporary (as where unnamed ones are not available), half written.
                remove_temporary_files_on_signals();
                atomic_file out(folder / "out.json", false);
                out.write("half of the ");
                const bool named = fs::exists(out.temporary());
                ::raise(signal_number);
                ::_exit(named ? 10 : 11);  // not reached when the signal ends the process
            }
            int status = 0;
            REQUIRE(::waitpid(child, &status, 0) == child);
            CHECK(WIFSIGNALED(status));
            CHECK(WTERMSIG(status) == signal_number);
            CHECK(entries(folder) == 0);
        }
        // An unnamed temporary leaves nothing even when the process is killed outright.
        bool unnamed = false;
        {
            atomic_file probe(folder / "probe.json");
            unnamed = probe.temporary().empty();
        }
        if (unnamed) {
            const pid_t child = ::fork();
            REQUIRE(child >= 0);
            if (child == 0) {
                atomic_file out(folder / "out.json");
                out.write("half of the ");
                ::raise(SIGKILL);
                ::_exit(12);
            }
            int status = 0;
            REQUIRE(::waitpid(child, &status, 0) == child);
            CHECK(WIFSIGNALED(status));
            CHECK(entries(folder) == 0);
        } else {
            MESSAGE("this file system has no unnamed temporary files (O_TMPFILE): killed writes rely on the handler");
        }
        fs::remove_all(folder);
    }
}
