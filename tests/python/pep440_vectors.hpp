#pragma once
// Loads the upstream packaging test vectors of /work/shared/vectors/pep440/
// (see its README.md for the formats).

#include <fstream>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "support/test_support.hpp"

namespace pysec::test {

inline nlohmann::json load_pep440_vectors(const std::string& file) {
    std::string path = shared_dir() + "/vectors/pep440/" + file;
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    return nlohmann::json::parse(in);
}

}  // namespace pysec::test
