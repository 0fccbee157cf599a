"""Explicit waits shared by the browser tests."""
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.support.ui import WebDriverWait


def wait(driver, timeout=10):
    """A wait that retries when the page re-rendered an element under the condition."""
    return WebDriverWait(driver, timeout, ignored_exceptions=[StaleElementReferenceException])
