#pragma once
// A reader reporting one listed review to the moderators: the reason, an
// optional note, sending it, and what to tell the reader afterwards. Pure
// state; ReviewDesk posts the body to {reviews}/{identifier}/report and hands
// the answer back.
#include "core/Messages.h"

#include <cstddef>
#include <optional>
#include <string>

namespace aw {

// The reasons the server accepts, in the order they are offered.
enum class ReportReason { None, Spam, Abuse, OffTopic, Other };
inline constexpr ReportReason kReportReasons[] = {ReportReason::Spam, ReportReason::Abuse, ReportReason::OffTopic,
                                                  ReportReason::Other};
inline constexpr std::size_t kMaxReportNoteChars = 500;

const char* reasonValue(ReportReason reason); // "off-topic": the wire value
const char* reasonLabel(ReportReason reason); // "Off-topic": what the reader reads
ReportReason reasonOfValue(const std::string& value); // None for anything else

class ReportFlow {
public:
    enum class Step {
        Closed,
        Choosing, // the reason and the note; `problem` says what stopped the last try
        Sending,
        Sent,     // thanked: nothing more to do but close
        Gone,     // the review is no longer there (404): nothing to report
    };

    // Opens the step for one review (closing any other one).
    void open(std::string identifier, std::string author);
    void close();

    void choose(ReportReason reason);
    void setNote(std::string note);

    // "Send report" pressed: the JSON body to post, or nothing when a reason is
    // missing or the note is too long (problem() says which) or it is already sent.
    std::optional<std::string> send();
    // The server's answer (0: no answer at all, offline). False when it is not
    // for the review being reported (a late answer after Cancel).
    bool onResult(const std::string& identifier, int httpStatus);

    Step step() const { return step_; }
    bool isOpen() const { return step_ != Step::Closed; }
    const std::string& identifier() const { return identifier_; }
    const std::string& author() const { return author_; }
    ReportReason reason() const { return reason_; }
    const std::string& note() const { return note_; }
    // Why the last try did not go through, in plain words; or, once Sent or
    // Gone, what happened. Empty while there is nothing to say.
    const std::string& message() const { return message_; }
    // The same for the catalogs (empty with it).
    const Message& text() const { return text_; }
    // Changes when the note changes from this side (opened empty), so the page's field takes it over.
    unsigned valueVersion() const { return valueVersion_; }

private:
    Step step_ = Step::Closed;
    std::string identifier_, author_;
    ReportReason reason_ = ReportReason::None;
    void say(std::string english, Message message);
    std::string note_, message_;
    Message text_;
    unsigned valueVersion_ = 0;
};

} // namespace aw
