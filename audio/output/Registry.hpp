#pragma once
// The output kinds, by name. The built-in ones are registered in Registry.cpp, one line each;
// a program may add its own before it reads a config or makes outputs (tests do).
#include <memory>
#include <string_view>
#include <vector>

#include "audio/output/Kind.hpp"

namespace lp::audio::output {

class Registry {
public:
    // The process's registry, holding the built-in kinds. Not guarded: add() before any
    // thread reads it.
    static Registry& global();

    // Throws std::logic_error when a kind of that name is registered already.
    void add(std::unique_ptr<Kind> kind);
    const Kind* find(std::string_view name) const;
    // In registration order (the order messages list them in).
    const std::vector<std::unique_ptr<Kind>>& kinds() const { return kinds_; }

private:
    Registry();
    std::vector<std::unique_ptr<Kind>> kinds_;
};

// The kind of `spec`; throws OutputError naming the output for a kind not registered.
const Kind& kind_of(const OutputSpec& spec);

// Kind::prepare of every output, in order (the daemon, before it hands them to the player).
void prepare(const std::vector<OutputSpec>& specs);

}  // namespace lp::audio::output
