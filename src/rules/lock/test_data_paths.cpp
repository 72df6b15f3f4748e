#include "rules/lock/test_data_paths.hpp"

#include <array>

namespace pysec {
namespace {

constexpr std::array<std::string_view, 7> test_directories = {"test",     "tests",     "testing", "test-data",
                                                              "testdata", "test_data", "fixtures"};
constexpr std::array<std::string_view, 4> example_directories = {"examples", "example", "samples", "templates"};

template <std::size_t N>
bool has_directory_named(std::string_view path, const std::array<std::string_view, N>& names) {
    if (path.find("{{") != std::string_view::npos) return true;
    std::size_t position = 0;
    while (true) {
        std::size_t slash = path.find('/', position);
        if (slash == std::string_view::npos) return false;  // the last component is the file
        std::string_view part = path.substr(position, slash - position);
        for (std::string_view name : names) {
            if (part == name) return true;
        }
        position = slash + 1;
    }
}

}  // namespace

bool in_test_data_directory(std::string_view path) { return has_directory_named(path, test_directories); }

bool in_test_or_example_directory(std::string_view path) {
    return has_directory_named(path, test_directories) || has_directory_named(path, example_directories);
}

}  // namespace pysec
