// SPDX-License-Identifier: MIT
#include <narrative/io/text_file.hpp>

#include <doctest/doctest.h>

#include <filesystem>

using namespace narrative;
namespace fs = std::filesystem;

TEST_SUITE("io.text_file") {
    TEST_CASE("an atomic write replaces the whole file and leaves no temporary") {
        const fs::path folder = fs::temp_directory_path() / "narrative-text-file-test";
        fs::remove_all(folder);
        fs::create_directories(folder);
        const fs::path target = folder / "out.json";
        write_text_file_atomically(target, "first version, longer than the second\n");
        write_text_file_atomically(target, "second\n");
        CHECK(read_text_file(target) == "second\n");
        CHECK(std::distance(fs::directory_iterator(folder), fs::directory_iterator()) == 1);
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
    }
}
