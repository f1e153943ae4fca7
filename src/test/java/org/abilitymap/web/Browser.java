package org.abilitymap.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Debian Chromium driven through the installed ChromeDriver (never a downloaded one), with the waits and
 * look-ups the page tests share: open a hash route, wait for the view to be ready, read a figure, take a screenshot.
 */
final class Browser implements AutoCloseable {

	/** Where every run writes its screenshots. */
	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** True when the view shows the current hash and has finished loading (or failed, in words). */
	private static final String SETTLED = """
			const view = document.getElementById('view');
			return !!view && view.dataset.route === (location.hash || '#/')
			    && (view.dataset.state === 'ready' || view.dataset.state === 'error');
			""";

	final ChromeDriver driver;

	private final Path profile;

	private String baseUrl;

	Browser() {
		try {
			this.profile = Files.createTempDirectory("abilitymap-chromium");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(BrowserAvailable.CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BrowserAvailable.CHROMIUM.toString());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1280,900", "--lang=zh-CN",
				"--user-data-dir=" + profile);
		this.driver = new ChromeDriver(service, options);
	}

	void baseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * Signs in on the page's login as a demo account (password {@code abilitymap-demo}), after signing out whoever
	 * was, and waits until the view behind the login is settled.
	 */
	void signIn(String username) {
		driver.get(baseUrl + "/#/");
		driver.manage().deleteAllCookies();
		driver.navigate().refresh();
		new WebDriverWait(driver, TIMEOUT).until(d -> !d.findElements(By.cssSelector("[data-test='login-form']")).isEmpty());
		byTest("login-username").sendKeys(username);
		byTest("login-password").sendKeys("abilitymap-demo");
		byTest("login-submit").click();
		new WebDriverWait(driver, TIMEOUT).withMessage("signed in as " + username)
			.until(d -> d.findElement(By.id("user-box")).isDisplayed() && !"login".equals(view().getDomAttribute("data-view")));
		settle();
	}

	/** Opens a hash route, such as {@code #/job/x}, and waits until its view is settled. */
	void open(String hash) {
		driver.get(baseUrl + "/" + hash);
		settle();
	}

	/** Waits until the view shows the current hash, loaded. */
	void settle() {
		new WebDriverWait(driver, TIMEOUT).until(d -> Boolean.TRUE.equals(js(SETTLED)));
		String state = view().getDomAttribute("data-state");
		if ("error".equals(state)) {
			throw new AssertionError("The view " + driver.getCurrentUrl() + " shows an error: " + view().getText());
		}
	}

	/** Waits until the location hash is {@code hash} and its view is settled (after a control navigated). */
	void settleAt(String hash) {
		new WebDriverWait(driver, TIMEOUT).until(d -> hash.equals(js("return location.hash")));
		settle();
	}

	WebElement view() {
		return driver.findElement(By.id("view"));
	}

	/** The element with {@code data-test="…"}. */
	WebElement byTest(String testId) {
		return driver.findElement(By.cssSelector("[data-test='" + testId + "']"));
	}

	List<WebElement> all(String css) {
		return driver.findElements(By.cssSelector(css));
	}

	String text(String testId) {
		return byTest(testId).getText().trim();
	}

	int number(String testId) {
		return Integer.parseInt(text(testId));
	}

	/** Chooses an option of the select with {@code data-test="…"} by its value. */
	void choose(String testId, String value) {
		new Select(byTest(testId)).selectByValue(value);
	}

	Object js(String script, Object... arguments) {
		return ((JavascriptExecutor) driver).executeScript(script, arguments);
	}

	void waitUntil(String description, java.util.function.BooleanSupplier condition) {
		// the page may re-render an element between finding it and reading it: then the condition is asked again
		new WebDriverWait(driver, TIMEOUT).withMessage(description)
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> condition.getAsBoolean());
	}

	void size(int width, int height) {
		driver.manage().window().setSize(new Dimension(width, height));
	}

	/** Writes a screenshot of the whole page (beyond the window) to {@code target/screenshots/<name>.png}. */
	@SuppressWarnings("unchecked")
	Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			byte[] png;
			js("window.scrollTo(0, 0)");
			try {
				// The window grows to the page's height for the picture, so that nothing sticky sits in its middle.
				Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
				Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
				long width = ((Number) js("return window.innerWidth")).longValue();
				long height = Math.min(((Number) size.get("height")).longValue(), 8000);
				driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
						Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
				try {
					Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
					png = Base64.getDecoder().decode((String) shot.get("data"));
				}
				finally {
					driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
				}
			}
			catch (RuntimeException ex) {
				png = driver.getScreenshotAs(OutputType.BYTES);
			}
			Files.write(file, png);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Writes a screenshot of what the window shows to {@code target/screenshots/<name>.png}. */
	Path viewportScreenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Prints the page as Chromium would (A4 landscape from the page's CSS) to {@code target/screenshots/<name>.pdf}. */
	Path pdf(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".pdf");
			Map<String, Object> printed = driver.executeCdpCommand("Page.printToPDF",
					Map.of("preferCSSPageSize", true, "printBackground", true));
			Files.write(file, Base64.getDecoder().decode((String) printed.get("data")));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			try (var files = Files.walk(profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
			catch (IOException ex) {
				// a temporary profile left behind is harmless
			}
		}
	}
}
