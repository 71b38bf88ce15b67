// Streaming JSON text for the synthetic models: a buffered sink and allocation-free short ids.
//
// The generator writes hundreds of megabytes; it never builds a document. Text goes into a 1 MiB buffer
// that is handed to the std::ostream in large blocks, and ids are composed in fixed-size tokens on the
// stack, so writing one relation costs a few memcpy calls and no allocation.
#ifndef SAMVERKAN_SYNTHETIC_JSON_TEXT_HPP
#define SAMVERKAN_SYNTHETIC_JSON_TEXT_HPP

#include <samverkan/error.hpp>
#include <samverkan/io/detail/json_text.hpp>

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

namespace samverkan::synthetic {

/// A short string (an id) built in place: `token{"k017"}.add(".sd").num(3, 2)` is "k017.sd03".
class token {
public:
    static constexpr std::size_t capacity = 62;

    constexpr token() noexcept = default;
    token(std::string_view text) { add(text); } // NOLINT(google-explicit-constructor): ids read as text

    token& add(std::string_view text) {
        if (text.size() > capacity - size_)
            throw error{"synthetic: id too long: " + std::string{view()} + std::string{text}};
        for (char c : text) data_[size_++] = c;
        return *this;
    }
    /// Appends `value` in decimal, zero-padded to at least `width` digits.
    token& num(std::uint64_t value, int width = 1) {
        std::array<char, 24> digits{};
        auto const [end, ec] = std::to_chars(digits.data(), digits.data() + digits.size(), value);
        (void)ec;
        auto const n = static_cast<std::size_t>(end - digits.data());
        for (std::size_t pad = n; pad < static_cast<std::size_t>(width); ++pad) add("0");
        return add(std::string_view{digits.data(), n});
    }
    [[nodiscard]] token with(std::string_view text) const {
        token t = *this;
        t.add(text);
        return t;
    }
    [[nodiscard]] token with(std::string_view text, std::uint64_t value, int width = 1) const {
        token t = *this;
        t.add(text).num(value, width);
        return t;
    }
    [[nodiscard]] std::string_view view() const noexcept { return {data_.data(), size_}; }
    operator std::string_view() const noexcept { return view(); } // NOLINT(google-explicit-constructor)

private:
    std::array<char, capacity> data_{};
    std::size_t size_ = 0;
};

/// The generator writes through the library's buffered sink (io/detail/json_text.hpp); its strings go
/// through the library's escaper, with bytes that are not UTF-8 (only a caller's model name can have
/// them) replaced by U+FFFD.
using json_sink = io::detail::json_sink;

/// One JSON object written key by key: `object o{sink}; o.text("id", id); o.list("requires", ms); o.close();`
/// Keys appear in the order written; nothing is buffered beyond the sink.
class object {
public:
    explicit object(json_sink& out) : out_{&out} { out_->put('{'); }

    object& text(std::string_view key, std::string_view value) {
        key_(key);
        io::detail::append_string(*out_, value, io::detail::invalid_utf8::replace);
        return *this;
    }
    object& boolean(std::string_view key, bool value) {
        key_(key);
        out_->append(value ? std::string_view{"true"} : std::string_view{"false"});
        return *this;
    }
    /// `"key": [ids...]`; returns the number of ids written.
    std::size_t list(std::string_view key, std::span<token const> ids) {
        key_(key);
        return items(ids);
    }
    /// `"key": <json>` with `json` written verbatim (an object or a number).
    object& verbatim(std::string_view key, std::string_view json) {
        key_(key);
        out_->append(json);
        return *this;
    }
    /// Opens a nested object under `key`; write its keys with the returned object, then close it.
    [[nodiscard]] object nested(std::string_view key) {
        key_(key);
        return object{*out_};
    }
    void close() { out_->put('}'); }

private:
    void key_(std::string_view key) {
        if (!first_) out_->put(',');
        first_ = false;
        out_->put('"');
        out_->append(key);
        out_->append("\":");
    }
    std::size_t items(std::span<token const> ids) {
        out_->put('[');
        bool first = true;
        for (token const& id : ids) {
            if (!first) out_->put(',');
            first = false;
            io::detail::append_string(*out_, id.view());
        }
        out_->put(']');
        return ids.size();
    }

    json_sink* out_;
    bool first_ = true;
};

} // namespace samverkan::synthetic

#endif // SAMVERKAN_SYNTHETIC_JSON_TEXT_HPP
