#include "core/email_address.h"

#include <gtest/gtest.h>

namespace kiemdem {
namespace {

TEST(EmailAddress, OrdinaryAddressesAndNoneAreAccepted) {
  EXPECT_TRUE(CheckEmailAddress("lan.nguyen@quangphu.gov.vn").ok());
  EXPECT_TRUE(CheckEmailAddress("vp-ubnd+nhac@thanhhoa.gov.vn").ok());
  EXPECT_TRUE(CheckEmailAddress("").ok());
}

TEST(EmailAddress, WhatCouldAddARecipientOrAHeaderIsRefused) {
  for (const char* bad :
       {"a@b.vn\r\nBcc: x@y.vn", "a@b.vn, c@d.vn", "Lan <a@b.vn>", "a b@c.vn", "\"a\"@b.vn"}) {
    Status s = CheckEmailAddress(bad);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << bad;
    EXPECT_EQ(s.field(), "email");
  }
}

TEST(EmailAddress, TheMessageSaysWhatIsWrong) {
  EXPECT_EQ(CheckEmailAddress("lan.quangphu.gov.vn").message_vi(),
            "'lan.quangphu.gov.vn' không phải địa chỉ e-mail: phải có đúng một dấu @");
  EXPECT_EQ(
      CheckEmailAddress("lan@quangphu").message(),
      "'lan@quangphu' is not an e-mail address: the part after @ must be a domain such as quangphu.gov.vn");
  EXPECT_FALSE(CheckEmailAddress("@quangphu.gov.vn").ok());
  EXPECT_FALSE(CheckEmailAddress("lan@quangphu..vn").ok());
  EXPECT_FALSE(CheckEmailAddress(std::string(250, 'a') + "@b.vn").ok());
}

}  // namespace
}  // namespace kiemdem
