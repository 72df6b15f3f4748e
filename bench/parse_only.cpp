// The baseline for bench/run.py: load every YAML file named on standard input
// with YAML::Load and nothing else, so that scan throughput can be compared
// with the cost of parsing alone.

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <yaml-cpp/yaml.h>

int main() {
    std::string path;
    std::size_t files = 0;
    std::size_t bytes = 0;
    std::size_t failures = 0;
    while (std::getline(std::cin, path)) {
        std::ifstream file(path, std::ios::binary);
        if (!file) {
            if (++failures <= 10) std::cerr << path << ": cannot open\n";
            continue;
        }
        std::stringstream buffer;
        buffer << file.rdbuf();
        std::string text = buffer.str();
        bytes += text.size();
        ++files;
        try {
            YAML::Node node = YAML::Load(text);
            (void)node;
        } catch (const YAML::Exception& error) {
            // The corpus should parse cleanly: a failure means the generator or the list is wrong.
            if (++failures <= 10) std::cerr << path << ": " << error.what() << "\n";
        }
    }
    std::cout << files << " files, " << bytes << " bytes, " << failures << " failures\n";
    return failures == 0 ? 0 : 1;
}
