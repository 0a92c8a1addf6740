"""The Translations section: Welsh texts of records, and corrections of the Welsh interface."""
