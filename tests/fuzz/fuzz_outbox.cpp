// What the widget restores from localStorage: the saved outbox (and with the
// same bytes, the draft, the device's own reviews, a summary and a page of the list). Any bytes give an
// outbox and messages, never a crash; once read, saving and reading again
// changes nothing, and the review desk sends, retries and lists what was
// restored.
#include "FuzzCheck.h"
#include "core/Outbox.h"
#include "core/ReviewDesk.h"

namespace {

constexpr aw::UnixMillis kNow = 1'710'000'000'000;

struct NullPort : aw::ReviewPort {
    std::vector<std::string> posted;
    void post(const std::string& id, const std::string& json) override {
        fuzz::requireText(json, "posted JSON is valid UTF-8");
        posted.push_back(id);
    }
    void store(const std::string&, const std::string& value) override { fuzz::requireText(value, "stored JSON is valid UTF-8"); }
    void wakeAt(aw::UnixMillis) override {}
    void fetchReviews(const std::string&, const std::string&, bool) override {}
    void fetchSummary(const std::string&, bool) override {}
    void report(const std::string&, const std::string& body) override { fuzz::requireText(body, "a report body is valid UTF-8"); }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char* data, std::size_t size) {
    const std::string_view text = fuzz::input(data, size);
    const aw::OutboxLoad load = aw::Outbox::fromJson(text, kNow);
    fuzz::requireTexts(load.problems, "problems are valid UTF-8");
    const std::string saved = load.outbox.toJson();
    const aw::OutboxLoad again = aw::Outbox::fromJson(saved, kNow);
    fuzz::require(again.problems.empty(), "what the outbox wrote reads back without problems");
    fuzz::require(again.outbox.toJson() == saved, "saving what was read changes nothing");
    for (const auto& e : load.outbox.entries())
        fuzz::require(e.state != aw::OutboxState::Sending && e.state != aw::OutboxState::Sent, "restored entries wait");

    NullPort port;
    aw::ReviewDesk desk(port, "article", true);
    fuzz::requireTexts(desk.restore(text, text, text, kNow, text, text), "restore problems are valid UTF-8");
    desk.setSummary(text); // any text: a summary or none, never a crash
    desk.setServerReviews(text, "next");
    desk.pump(kNow + aw::Outbox::kMaxBackoff);
    // Each restored review meets one of the server's answers: retry, refusal, success.
    constexpr int kAnswers[] = {aw::Outbox::kNetworkError, 503, 422, 201};
    for (std::size_t i = 0; i < port.posted.size(); ++i)
        desk.onResult(port.posted[i], kAnswers[i % 4], R"({"error":"No.","status":"pending"})", kNow + 1);
    desk.pump(kNow + 2 * aw::Outbox::kMaxBackoff);
    for (const auto& listed : desk.list()) fuzz::requireText(listed.review.body, "listed reviews are valid UTF-8");
    fuzz::requireText(desk.form().draftJson(), "the draft saves as valid UTF-8");
    return 0;
}
