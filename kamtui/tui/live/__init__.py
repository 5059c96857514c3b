"""What keeps the screen equal to the disk, with no widgets: the model of the folder
(`portfolio_model`), the folder watcher (`watch`), daemon threads for loading and
reading saves (`daemon_work`), each file's table row (`account_rows`) and the rows'
orders and filters (`row_order`). Garbage collection is `kamtui.core.loading.quiet_collector`'s."""
