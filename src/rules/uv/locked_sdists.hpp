#pragma once
// The packages of a uv.lock that uv can only install by building them: an
// `sdist` and no `wheels`.  A small reader of the two keys this needs
// (`[[package]]`, or `[[distribution]]` in locks from before uv 0.4).

#include <string>
#include <vector>

#include "parse/document.hpp"

namespace pysec {

struct SdistOnlyPackage {
    std::string name;
    const Node* table = nullptr;  // the `[[package]]` entry
    const Node* name_node = nullptr;
};

std::vector<SdistOnlyPackage> sdist_only_packages(const Document& lock);

}  // namespace pysec
