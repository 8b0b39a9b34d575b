#include "sync/protocol/messages.h"

#include <gtest/gtest.h>

#include "core/reference.h"
#include "core/seal.h"

namespace tellus::proto {
namespace {

SubmitItem GoodItem(int kiosk) {
  SubmitItem item;
  item.clear.uuid = "0b9f3c2e-8a41-4d7e-9c55-1f2a3b4c5d6e";
  item.clear.policy_id = "seetec";
  item.clear.submitted_at = "2026-11-23T10:00:00Z";
  item.clear.reference = FormatReference({"TS", static_cast<std::uint32_t>(kiosk), 12});
  item.clear.categories = {"staff", "delay"};
  item.sealed = Seal(R"({"x":"secret"})", NewBoxKeyPair().public_key);
  item.tracking_hash = "$argon2id$v=19$m=65536,t=2,p=1$abc$def";
  return item;
}

TEST(Messages, BatchRoundTrip) {
  SubmitBatch batch;
  batch.items = {GoodItem(3), GoodItem(3)};
  batch.waiting = 12;
  SubmitBatch back = SubmitBatchFromJson(ToJson(batch));
  ASSERT_EQ(back.items.size(), 2u);
  EXPECT_EQ(back.items[0].clear, batch.items[0].clear);
  EXPECT_EQ(back.items[0].sealed, batch.items[0].sealed);
  EXPECT_EQ(back.items[1].tracking_hash, batch.items[1].tracking_hash);
  EXPECT_EQ(back.waiting, 12);
}

TEST(Messages, MalformedBatchesNameTheKey) {
  auto message = [](const std::string& text) {
    try {
      SubmitBatchFromJson(text);
    } catch (const ProtocolError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message("{").find("not valid JSON"), std::string::npos);
  EXPECT_NE(message("[]").find("not a JSON object"), std::string::npos);
  EXPECT_NE(message("{}").find("'items'"), std::string::npos);
  EXPECT_NE(message(R"({"items":{}})").find("'items' must be a list"), std::string::npos);
  EXPECT_NE(message(R"({"items":[{"clear":{},"sealed":"","tracking_hash":""}]})").find("items[0]"), std::string::npos);
  SubmitBatch batch;
  batch.items = {GoodItem(3)};
  std::string text = ToJson(batch);
  std::string bad_b64 = text;
  bad_b64.replace(bad_b64.find("\"sealed\":\"") + 10, 1, "%");
  EXPECT_NE(message(bad_b64).find("'sealed' is not base64"), std::string::npos);
}

TEST(Messages, TooManyItemsIsRefused) {
  SubmitBatch batch;
  batch.items.assign(kMaxBatchItems + 1, GoodItem(3));
  std::string text = ToJson(batch);
  EXPECT_THROW(SubmitBatchFromJson(text), ProtocolError);
  EXPECT_EQ(SubmitBatchFromJson(text, kMaxBundleItems).items.size(), kMaxBatchItems + 1);
}

TEST(Messages, CheckItemReasons) {
  EXPECT_EQ(CheckItem(GoodItem(3), 3), "");
  EXPECT_EQ(CheckItem(GoodItem(3), 4), "clear.reference belongs to another kiosk");
  SubmitItem item = GoodItem(3);
  item.clear.uuid = "nope";
  EXPECT_EQ(CheckItem(item, 3), "clear.uuid is not a UUID");
  item = GoodItem(3);
  item.clear.reference = "TS-0000-0000";
  EXPECT_EQ(CheckItem(item, 3), "clear.reference is not a valid reference");
  item = GoodItem(3);
  item.clear.reference.back() = '$';   // the old mod-37 check symbols are not characters any more
  EXPECT_EQ(CheckItem(item, 3), "clear.reference is not a valid reference");
  item = GoodItem(3);
  std::string& swapped = item.clear.reference;   // the check and the digit before it
  std::swap(swapped[swapped.size() - 1], swapped[swapped.size() - 2]);
  ASSERT_NE(item.clear.reference, GoodItem(3).clear.reference);
  EXPECT_EQ(CheckItem(item, 3), "clear.reference is not a valid reference");
  item = GoodItem(3);
  item.sealed.resize(10);
  EXPECT_EQ(CheckItem(item, 3), "sealed part is too short");
  item = GoodItem(3);
  item.tracking_hash = "ABCDE-12345";   // a tracking code in clear is refused
  EXPECT_EQ(CheckItem(item, 3), "tracking_hash is not an Argon2id hash");
}

TEST(Messages, StatusAndRequestsRoundTrip) {
  CaseStatus s;
  s.reference = "TS-0030-00CQ";
  s.state = CaseState::kAnswered;
  s.can_escalate = true;
  s.next_stage_name = "Appeal";
  EXPECT_EQ(CaseStatusFromJson(ToJson(s)).next_stage_name, "Appeal");
  EXPECT_EQ(CaseStatusFromJson(ToJson(s)).state, CaseState::kAnswered);
  EXPECT_EQ(CaseStatusFromJson(ToJson(s)).outcome, std::nullopt);   // "" on the wire: not closed
  // A state or outcome the kiosk does not know is an error naming the key, not a guess.
  std::string odd_state = ToJson(s);
  odd_state.replace(odd_state.find("answered"), 8, "answerer");
  try {
    CaseStatusFromJson(odd_state);
    ADD_FAILURE() << "an unknown state was accepted";
  } catch (const ProtocolError& e) {
    EXPECT_NE(std::string(e.what()).find("'state' is not one of received, acknowledged, answered, closed"),
              std::string::npos) << e.what();
  }
  s.state = CaseState::kClosed;
  s.outcome = Outcome::kPartlyUpheld;
  EXPECT_NE(ToJson(s).find(R"("outcome":"partly-upheld")"), std::string::npos) << ToJson(s);
  EXPECT_EQ(CaseStatusFromJson(ToJson(s)).outcome, Outcome::kPartlyUpheld);
  KioskRequest r{"0b9f3c2e-8a41-4d7e-9c55-1f2a3b4c5d6e", "TS-0030-00CQ", "7D2K9-QX4MB", RequestAction::kWithdraw, ""};
  KioskRequest back = KioskRequestFromJson(ToJson(r));
  EXPECT_EQ(back.action, RequestAction::kWithdraw);
  EXPECT_EQ(back.tracking_code, "7D2K9-QX4MB");
  EXPECT_THROW(KioskRequestFromJson(R"({"request_id":"x","reference":"","tracking_code":"","action":"escalate"})"),
               ProtocolError);
  std::string bad_action = ToJson(r);
  bad_action.replace(bad_action.find("withdraw"), 8, "delete!!");
  EXPECT_THROW(KioskRequestFromJson(bad_action), ProtocolError);
  RequestReply reply{true, "", s};
  EXPECT_TRUE(RequestReplyFromJson(ToJson(reply)).status.can_escalate);
}

}  // namespace
}  // namespace tellus::proto
