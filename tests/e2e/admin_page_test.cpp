// tests/e2e/admin_page_test.cpp — the admin page (/admin/) in headless Chromium against a serving daemon with
// generated data: a wrong token is refused, the right one shows every connector, a quarantined row opens with its
// reason and no identity number, and the screenshot is not blank.
// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>
#include <Poco/InflatingStream.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "tests/support/hub_fixture.h"
#include "tests/support/hub_process.h"
#include "tests/support/leak_scan.h"
#include "tests/support/test_store.h"
#include "tests/support/webdriver.h"

namespace finsam::testing {
namespace {

namespace fs = std::filesystem;

std::string lastLine(const std::string& text) {
    std::string last;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        if (!line.empty()) {
            last = line;
        }
    }
    return last;
}

void generate(const std::string& format, const std::string& out, const std::vector<std::string>& faults) {
    const std::string binary = (fs::path(FINSAM_HUB_BINARY).parent_path() / "finsam-gen").string();
    std::vector<std::string> args = {format, "--out", out, "--seed", "23", "--participants", "150"};
    for (const auto& fault : faults) {
        args.insert(args.end(), {"--fault", fault});
    }
    Poco::ProcessHandle handle = Poco::Process::launch(binary, args);
    ASSERT_EQ(handle.wait(), 0) << "finsam-gen " << format;
}

// ---- "not blank": the PNG's pixels, decoded ------------------------------------------------------------------

std::uint32_t bigEndian(const std::string& bytes, std::size_t at) {
    return (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) << 24) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 16) |
           (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 8) |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 3]));
}

struct Pixels {
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    std::size_t channels = 0;
    std::vector<unsigned char> data;  ///< unfiltered scanlines, width * channels bytes each
    std::string problem;              ///< why it could not be decoded
};

int paeth(int a, int b, int c) {
    int p = a + b - c;
    int pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

// 8-bit grey, RGB, grey+alpha or RGBA without interlace: what Chromium writes.
Pixels decodePng(const std::string& png) {
    Pixels pixels;
    if (png.size() < 8 || png.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0) {
        pixels.problem = "no PNG signature";
        return pixels;
    }
    std::string idat;
    int depth = 0, colourType = -1, interlace = 0;
    for (std::size_t at = 8; at + 12 <= png.size();) {
        const std::uint32_t length = bigEndian(png, at);
        const std::string type = png.substr(at + 4, 4);
        if (at + 12 + length > png.size()) {
            pixels.problem = "truncated chunk " + type;
            return pixels;
        }
        const std::string data = png.substr(at + 8, length);
        if (type == "IHDR") {
            pixels.width = bigEndian(data, 0);
            pixels.height = bigEndian(data, 4);
            depth = static_cast<unsigned char>(data[8]);
            colourType = static_cast<unsigned char>(data[9]);
            interlace = static_cast<unsigned char>(data[12]);
        } else if (type == "IDAT") {
            idat += data;
        } else if (type == "IEND") {
            break;
        }
        at += 12 + length;
    }
    const std::map<int, std::size_t> channelsOf = {{0, 1}, {2, 3}, {4, 2}, {6, 4}};
    if (depth != 8 || interlace != 0 || channelsOf.count(colourType) == 0) {
        pixels.problem = "unexpected PNG format (depth " + std::to_string(depth) + ", colour type " +
                         std::to_string(colourType) + ", interlace " + std::to_string(interlace) + ")";
        return pixels;
    }
    pixels.channels = channelsOf.at(colourType);
    std::istringstream compressed(idat);
    Poco::InflatingInputStream inflater(compressed, Poco::InflatingStreamBuf::STREAM_ZLIB);
    std::string raw((std::istreambuf_iterator<char>(inflater)), std::istreambuf_iterator<char>());
    const std::size_t stride = pixels.width * pixels.channels;
    if (raw.size() != pixels.height * (stride + 1)) {
        pixels.problem = "inflated " + std::to_string(raw.size()) + " bytes, expected " +
                         std::to_string(pixels.height * (stride + 1));
        return pixels;
    }
    pixels.data.assign(pixels.height * stride, 0);
    const std::size_t bpp = pixels.channels;
    for (std::size_t y = 0; y < pixels.height; ++y) {
        const int filter = static_cast<unsigned char>(raw[y * (stride + 1)]);
        const unsigned char* in = reinterpret_cast<const unsigned char*>(raw.data()) + y * (stride + 1) + 1;
        unsigned char* out = pixels.data.data() + y * stride;
        const unsigned char* up = y > 0 ? out - stride : nullptr;
        for (std::size_t x = 0; x < stride; ++x) {
            const int a = x >= bpp ? out[x - bpp] : 0;
            const int b = up != nullptr ? up[x] : 0;
            const int c = x >= bpp && up != nullptr ? up[x - bpp] : 0;
            int predictor = 0;
            switch (filter) {
                case 0: predictor = 0; break;
                case 1: predictor = a; break;
                case 2: predictor = b; break;
                case 3: predictor = (a + b) / 2; break;
                case 4: predictor = paeth(a, b, c); break;
                default:
                    pixels.problem = "unknown filter " + std::to_string(filter);
                    return pixels;
            }
            out[x] = static_cast<unsigned char>(in[x] + predictor);
        }
    }
    return pixels;
}

// ---- "personnummer-looking" text ------------------------------------------------------------------------------

bool plausibleDate(int month, int day) {
    return month >= 1 && month <= 12 && ((day >= 1 && day <= 31) || (day >= 61 && day <= 91));
}

// Every \d{6,8}[-+]?\d{4} not inside a longer digit run whose date part could be a birth date (day + 60 for a
// samordningsnummer): numbers of other shapes (an organisationsnummer has month 20 or more) do not look like one.
std::vector<std::string> personnummerLooking(const std::string& text) {
    std::vector<std::string> found;
    std::size_t i = 0;
    auto digit = [&](std::size_t at) { return at < text.size() && text[at] >= '0' && text[at] <= '9'; };
    while (i < text.size()) {
        if (!digit(i) || (i > 0 && digit(i - 1))) {
            ++i;
            continue;
        }
        std::size_t end = i;
        while (digit(end)) ++end;
        std::string head = text.substr(i, end - i);
        std::string candidate;
        if ((head.size() == 6 || head.size() == 8) && end < text.size() && (text[end] == '-' || text[end] == '+')) {
            std::size_t tail = end + 1;
            std::size_t tailEnd = tail;
            while (digit(tailEnd)) ++tailEnd;
            if (tailEnd - tail == 4) {
                candidate = head + text.substr(tail, 4);
            }
        } else if (head.size() == 10 || head.size() == 12) {
            candidate = head;
        }
        if (!candidate.empty()) {
            const std::string date = candidate.substr(candidate.size() == 12 ? 4 : 2, 4);
            if (plausibleDate(std::stoi(date.substr(0, 2)), std::stoi(date.substr(2, 2)))) {
                found.push_back(candidate);
            }
        }
        i = end;
    }
    return found;
}

// ---- the test -------------------------------------------------------------------------------------------------

// Clicks the element `css` names, finding it again when a refresh replaced it in between.
void clickFresh(WebDriver& browser, const std::string& css) {
    for (int attempt = 0;; ++attempt) {
        try {
            browser.click(browser.waitFor(css, 15));
            return;
        } catch (const WebDriverError& e) {
            if (e.error() != "stale element reference" || attempt >= 3) {
                throw;
            }
        }
    }
}

std::vector<std::string> stringArray(const std::string& json) {
    auto document = parseJsonBody(json);
    std::vector<std::string> out;
    if (document.IsArray()) {
        for (const auto& item : document.GetArray()) {
            out.emplace_back(item.IsString() ? item.GetString() : "");
        }
    }
    return out;
}

TEST(AdminPageTest, LogsInSeesEveryConnectorAndOpensAQuarantinedRowInHeadlessChromium) {
    const auto started = std::chrono::steady_clock::now();
    const std::string missing = webDriverMissing();
    ASSERT_TRUE(missing.empty()) << missing;

    // A generated world: the förbund's register, AF with two bad rows, FK with one bad record.
    TempDir dir;
    const std::string generated = dir.file("generated");
    ASSERT_NO_FATAL_FAILURE(generate("forbund", generated, {}));
    ASSERT_NO_FATAL_FAILURE(generate("af", generated, {"unknown-code", "bad-personnummer"}));
    ASSERT_NO_FATAL_FAILURE(generate("fk", generated, {"tom-before-from"}));
    const std::string inbox = dir.file("inbox");
    copyDropSet(generated + "/forbund", inbox + "/forbund");
    for (const char* partner : {"af", "fk"}) {
        fs::create_directories(inbox + "/" + partner);
        sdk::testkit::copyFiles(generated + "/" + partner, inbox + "/" + partner);
    }
    std::set<std::string> numbers;
    for (const char* partner : {"forbund", "af", "fk"}) {
        numbers.merge(numbersInFolder(inbox + "/" + partner));
    }
    ASSERT_GT(numbers.size(), 50u);

    auto init = runHub({"init", "--data", inbox, "--out", dir.file("conf")});
    ASSERT_EQ(init.exitCode, 0) << init.err;
    auto initSummary = parseJsonBody(lastLine(init.out));
    ASSERT_TRUE(initSummary.IsObject() && initSummary.HasMember("tokens")) << init.out;
    const std::string adminToken = initSummary["tokens"]["admin"].GetString();
    const std::string configFile = dir.file("conf/hub.json");
    auto ingest = runHub({"ingest", "--config", configFile, "--all"});
    ASSERT_EQ(ingest.exitCode, 0) << ingest.err;

    ServeProcess serve(configFile);
    const std::string base = "http://127.0.0.1:" + std::to_string(serve.port());

    // What the API says the page must show.
    auto connectorsAnswer = httpGet(serve.port(), "/v1/admin/connectors", adminToken);
    ASSERT_EQ(connectorsAnswer.status, 200) << connectorsAnswer.body;
    auto connectors = parseJsonBody(connectorsAnswer.body);
    std::set<std::string> expected;
    std::string quarantined;
    for (const auto& connector : connectors["connectors"].GetArray()) {
        expected.insert(connector["connector"].GetString());
        if (quarantined.empty() && connector.HasMember("open_quarantine") &&
            connector["open_quarantine"].GetInt64() > 0) {
            quarantined = connector["connector"].GetString();
        }
    }
    ASSERT_EQ(expected.size(), 3u) << connectorsAnswer.body;
    ASSERT_FALSE(quarantined.empty()) << "the generated faults leave open quarantine: " << connectorsAnswer.body;
    // The page is at /admin/ (and /admin); while one of them fails the test fails, and drives the other.
    std::string pagePath;
    for (const char* path : {"/admin/", "/admin"}) {
        auto page = httpGet(serve.port(), path);
        EXPECT_EQ(page.status, 200) << "GET " << path << " " << page.body;
        if (page.status == 200) {
            EXPECT_NE(page.contentType.find("text/html"), std::string::npos) << page.contentType;
            EXPECT_NE(page.body.find("id=\"login-form\""), std::string::npos) << "the admin page itself";
            pagePath = pagePath.empty() ? path : pagePath;
        }
    }
    ASSERT_FALSE(pagePath.empty()) << "the daemon serves the admin page";
    auto head = parseJsonBody(httpGet(serve.port(), "/v1/feed/head", adminToken).body);
    ASSERT_TRUE(head.IsObject() && head.HasMember("head")) << "GET /v1/feed/head";

    WebDriver browser;
    browser.navigate(base + pagePath);

    // A wrong token: the login form again, with a message.
    browser.sendKeys(browser.waitFor("#login-form #token", 15), "inte-en-giltig-token");
    browser.click(browser.findElement("#login-submit"));
    ASSERT_TRUE(browser.waitUntil("return document.querySelector('#login-error').textContent.trim() !== '';", 15))
        << "a wrong token shows an error";
    EXPECT_TRUE(browser.displayed(browser.findElement("#login-form")));
    EXPECT_FALSE(browser.displayed(browser.findElement("#app")));
    EXPECT_FALSE(browser.text(browser.findElement("#login-error")).empty());
    EXPECT_EQ(browser.executeScript("return sessionStorage.length;"), "0") << "a refused token is not kept";

    // The admin token: every configured connector.
    const std::string tokenField = browser.waitFor("#token", 5);
    browser.clear(tokenField);
    browser.sendKeys(tokenField, adminToken);
    browser.click(browser.findElement("#login-submit"));
    const std::string rows = "table#connectors tbody tr[data-connector]";
    ASSERT_TRUE(browser.waitUntil("return document.querySelectorAll('" + rows + "').length === " +
                                      std::to_string(expected.size()) + ";",
                                  20))
        << "the connector table lists every connector; page text: "
        << browser.executeScript("return document.body.innerText;");
    EXPECT_FALSE(browser.displayed(browser.findElement("#login")));
    auto shown = stringArray(browser.executeScript(
        "return Array.from(document.querySelectorAll('" + rows + "')).map(r => r.dataset.connector);"));
    EXPECT_EQ(std::set<std::string>(shown.begin(), shown.end()), expected);
    for (const auto& id : expected) {
        const std::string row = browser.findElement("table#connectors tbody tr[data-connector=\"" + id + "\"]");
        const std::string text = browser.text(row);
        EXPECT_NE(text.find(id), std::string::npos) << text;
    }
    EXPECT_TRUE(browser.waitUntil("return /\\d/.test(document.querySelector('#feed-head').textContent);", 15))
        << "the feed head is shown";

    // The quarantine of a connector that has some: open a row, see its reason.
    clickFresh(browser, "table#connectors tbody tr[data-connector=\"" + quarantined + "\"] button.open-quarantine");
    const std::string firstItem = "#quarantine tbody button[data-quarantine-id]";
    browser.waitFor(firstItem, 15);
    EXPECT_EQ(browser.executeScript("return document.querySelector('#connector-detail').dataset.connector;"),
              "\"" + quarantined + "\"");
    EXPECT_TRUE(browser.waitUntil("return document.querySelectorAll('#runs tbody tr[data-run]').length > 0;", 10))
        << "the run history lists the ingest";
    const auto ids =
        stringArray("[" + browser.executeScript("return document.querySelector('" + firstItem +
                                                "').dataset.quarantineId;") +
                    "]");
    ASSERT_EQ(ids.size(), 1u);
    const std::string itemId = ids.front();
    auto itemAnswer = httpGet(serve.port(), "/v1/admin/quarantine/" + itemId, adminToken);
    ASSERT_EQ(itemAnswer.status, 200) << itemAnswer.body;
    auto item = parseJsonBody(itemAnswer.body);
    EXPECT_EQ(std::string(item["connector"].GetString()), quarantined);
    clickFresh(browser, firstItem);
    ASSERT_TRUE(browser.waitUntil("const d = document.querySelector('#quarantine-detail');"
                                  "return !d.hidden && d.dataset.quarantineId === '" + itemId + "';",
                                  15))
        << "the quarantined row opens";
    const std::string detail = browser.text(browser.findElement("#quarantine-detail"));
    EXPECT_NE(detail.find("Orsak"), std::string::npos) << detail;
    EXPECT_NE(detail.find(item["code"].GetString()), std::string::npos) << "the reason code: " << detail;
    EXPECT_NE(detail.find(item["message"].GetString()), std::string::npos) << "the reason: " << detail;
    EXPECT_FALSE(browser.text(browser.findElement("#quarantine-payload")).empty()) << "the redacted row";

    // The indicators as charts, each an image with a text alternative.
    browser.waitFor("#charts figure.chart svg[role=img]", 30);
    EXPECT_EQ(browser.executeScript(
                  "return Array.from(document.querySelectorAll('#charts svg')).every("
                  "s => s.querySelector('title') && s.querySelector('desc') && s.getAttribute('aria-labelledby'));"),
              "true");

    // No identity number anywhere on the page, visible or not.
    const std::string visible = stringArray("[" + browser.executeScript("return document.body.innerText;") + "]")[0];
    const std::string html =
        stringArray("[" + browser.executeScript("return document.documentElement.outerHTML;") + "]")[0];
    EXPECT_TRUE(personnummerLooking(visible).empty()) << personnummerLooking(visible).size() << " in the text";
    EXPECT_TRUE(personnummerLooking(html).empty()) << personnummerLooking(html).size() << " in the markup";
    EXPECT_TRUE(leakedNumbers(numbers, html).empty()) << "an input personnummer is on the page";
    EXPECT_TRUE(validIdentityNumbersIn(html).empty());
    EXPECT_EQ(html.find(adminToken), std::string::npos) << "the token is never written into the page";

    // The screenshot: saved in the build tree, and not blank.
    const std::string png = browser.screenshot();
    const fs::path artifacts = fs::path(FINSAM_HUB_BINARY).parent_path().parent_path() / "test-artifacts";
    fs::create_directories(artifacts);
    std::ofstream(artifacts / "admin_page.png", std::ios::binary | std::ios::trunc) << png;
    Pixels pixels = decodePng(png);
    ASSERT_TRUE(pixels.problem.empty()) << pixels.problem;
    EXPECT_EQ(pixels.width, 1280u);
    std::map<std::uint32_t, std::size_t> colours;
    const std::size_t total = static_cast<std::size_t>(pixels.width) * pixels.height;
    for (std::size_t p = 0; p < total; ++p) {
        std::uint32_t colour = 0;
        for (std::size_t c = 0; c < std::min<std::size_t>(pixels.channels, 3); ++c) {
            colour = (colour << 8) | pixels.data[p * pixels.channels + c];
        }
        ++colours[colour];
    }
    std::size_t background = 0;
    for (const auto& [colour, n] : colours) {
        background = std::max(background, n);
    }
    const double foreground = 1.0 - static_cast<double>(background) / static_cast<double>(total);
    EXPECT_GE(colours.size(), 8u) << "distinct colours in " << (artifacts / "admin_page.png");
    EXPECT_GT(foreground, 0.02) << "share of pixels that are not the background";
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(120));
}

}  // namespace
}  // namespace finsam::testing
