"""Explicit waits shared by the browser tests."""
from selenium.common.exceptions import (ElementClickInterceptedException, ElementNotInteractableException,
                                        NoSuchElementException, StaleElementReferenceException)
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def wait(driver, timeout=10):
    """A wait that retries when the page re-rendered an element under the condition."""
    return WebDriverWait(driver, timeout, ignored_exceptions=[StaleElementReferenceException])


def reread(driver, read, timeout=10):
    """read(driver), read again when a live re-render replaced an element in the middle of it."""
    return wait(driver, timeout).until(lambda d: (read(d),))[0]


def click(driver, css, timeout=10):
    """Clicks what css finds once it can, again if a live re-render replaced it in between."""
    def attempt(d):
        d.find_element(By.CSS_SELECTOR, css).click()
        return True
    WebDriverWait(driver, timeout, ignored_exceptions=[
        StaleElementReferenceException, NoSuchElementException, ElementNotInteractableException,
        ElementClickInterceptedException]).until(attempt, f"could not click {css}")
