#include "audio/output/Registry.hpp"

#include <stdexcept>

#include "audio/Errors.hpp"
#include "audio/output/MuxerOutput.hpp"
#include "audio/output/kinds/Alsa.hpp"
#include "audio/output/kinds/Archive.hpp"
#include "audio/output/kinds/File.hpp"
#include "audio/output/kinds/Icecast.hpp"
#include "audio/output/kinds/Null.hpp"
#include "audio/output/kinds/RtpUdp.hpp"

namespace lp::audio::output {

// The built-in kinds, one line each. A new kind is its files in kinds/ and a line here.
Registry::Registry() {
    add(std::make_unique<kinds::Alsa>());
    add(std::make_unique<kinds::File>());
    add(std::make_unique<kinds::Null>());
    add(std::make_unique<kinds::Icecast>());
    add(std::make_unique<kinds::Rtp>());
    add(std::make_unique<kinds::Udp>());
    add(std::make_unique<kinds::Archive>());
}

Registry& Registry::global() {
    static Registry registry;
    return registry;
}

void Registry::add(std::unique_ptr<Kind> kind) {
    if (find(kind->name()) != nullptr)
        throw std::logic_error("output kind '" + std::string{kind->name()} + "' is registered twice");
    kinds_.push_back(std::move(kind));
}

const Kind* Registry::find(std::string_view name) const {
    for (const auto& kind : kinds_)
        if (kind->name() == name) return kind.get();
    return nullptr;
}

const Kind& kind_of(const OutputSpec& spec) {
    const Kind* kind = Registry::global().find(spec.kind);
    if (kind == nullptr) throw OutputError("output '" + spec.name + "': unknown kind '" + spec.kind + "'");
    return *kind;
}

void prepare(const std::vector<OutputSpec>& specs) {
    for (const auto& spec : specs) kind_of(spec).prepare(spec);
}

std::unique_ptr<Output> Kind::make(const OutputSpec& spec) const { return std::make_unique<MuxerOutput>(spec); }

Target Kind::target(const OutputSpec&, std::chrono::system_clock::time_point) const {
    throw std::logic_error("output kind '" + std::string{name()} +
                           "' writes through an Output of its own, not a muxer");
}

}  // namespace lp::audio::output

namespace lp::audio {

std::unique_ptr<Output> make_output(const OutputSpec& spec) { return output::kind_of(spec).make(spec); }

std::string_view to_string(Codec codec) {
    switch (codec) {
        case Codec::pcm: return "pcm";
        case Codec::mp3: return "mp3";
        case Codec::opus: return "opus";
    }
    return "?";
}

}  // namespace lp::audio
