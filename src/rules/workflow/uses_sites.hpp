#pragma once
// Every `uses:` in the project, wherever it is written: workflow steps,
// reusable-workflow jobs, and the steps of composite actions.

#include <functional>

#include "model/project.hpp"

namespace pysec {

struct UsesSite {
    const Document& document;
    const Node& node;  // the `uses:` value
    const UsesReference& reference;
};

void for_each_uses(const Project& project, const std::function<void(const UsesSite&)>& visit);

}  // namespace pysec
