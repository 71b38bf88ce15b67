// Streaming JSON text for the synthetic models: a buffered sink and allocation-free short ids.
//
// The generator writes hundreds of megabytes; it never builds a document. Text goes into a 1 MiB buffer
// that is handed to the std::ostream in large blocks, and ids are composed in fixed-size tokens on the
// stack, so writing one relation costs a few memcpy calls and no allocation.
#ifndef SAMVERKAN_SYNTHETIC_JSON_TEXT_HPP
#define SAMVERKAN_SYNTHETIC_JSON_TEXT_HPP

#include <samverkan/error.hpp>

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

/// Buffered output with the few JSON shapes the generator needs. Counts the bytes written.
class json_sink {
public:
    explicit json_sink(std::ostream& os) : os_{&os} { buffer_.reserve(block + 4096); }
    json_sink(json_sink const&) = delete;
    json_sink& operator=(json_sink const&) = delete;
    ~json_sink() = default; // call finish(): a destructor must not throw on a failed stream

    void raw(std::string_view text) {
        buffer_.append(text);
        if (buffer_.size() >= block) flush();
    }
    void raw(char c) { buffer_.push_back(c); }

    /// A JSON string with the escapes RFC 8259 requires (the generator's own text needs none, but a
    /// model name given by the caller may contain quotes or control characters).
    void string(std::string_view text) {
        buffer_.push_back('"');
        for (char c : text) {
            auto const u = static_cast<unsigned char>(c);
            if (c == '"' || c == '\\') {
                buffer_.push_back('\\');
                buffer_.push_back(c);
            } else if (u < 0x20) {
                constexpr char hex[] = "0123456789abcdef";
                buffer_.append("\\u00");
                buffer_.push_back(hex[u >> 4]);
                buffer_.push_back(hex[u & 15]);
            } else {
                buffer_.push_back(c);
            }
        }
        buffer_.push_back('"');
    }

    /// Writes the buffer to the stream; throws samverkan::error if the stream failed.
    void flush() {
        os_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
        bytes_ += buffer_.size();
        buffer_.clear();
        if (!*os_) throw error{"synthetic: cannot write the model (output stream failed)"};
    }
    void finish() {
        flush();
        os_->flush();
        if (!*os_) throw error{"synthetic: cannot write the model (output stream failed)"};
    }
    [[nodiscard]] std::uint64_t bytes() const noexcept { return bytes_ + buffer_.size(); }

private:
    static constexpr std::size_t block = std::size_t{1} << 20;
    std::ostream* os_;
    std::string buffer_;
    std::uint64_t bytes_ = 0;
};

/// One JSON object written key by key: `object o{sink}; o.text("id", id); o.list("requires", ms); o.close();`
/// Keys appear in the order written; nothing is buffered beyond the sink.
class object {
public:
    explicit object(json_sink& out) : out_{&out} { out_->raw('{'); }

    object& text(std::string_view key, std::string_view value) {
        key_(key);
        out_->string(value);
        return *this;
    }
    object& boolean(std::string_view key, bool value) {
        key_(key);
        out_->raw(value ? std::string_view{"true"} : std::string_view{"false"});
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
        out_->raw(json);
        return *this;
    }
    /// Opens a nested object under `key`; write its keys with the returned object, then close it.
    [[nodiscard]] object nested(std::string_view key) {
        key_(key);
        return object{*out_};
    }
    void close() { out_->raw('}'); }

private:
    void key_(std::string_view key) {
        if (!first_) out_->raw(',');
        first_ = false;
        out_->raw('"');
        out_->raw(key);
        out_->raw("\":");
    }
    std::size_t items(std::span<token const> ids) {
        out_->raw('[');
        bool first = true;
        for (token const& id : ids) {
            if (!first) out_->raw(',');
            first = false;
            out_->string(id.view());
        }
        out_->raw(']');
        return ids.size();
    }

    json_sink* out_;
    bool first_ = true;
};

} // namespace samverkan::synthetic

#endif // SAMVERKAN_SYNTHETIC_JSON_TEXT_HPP
