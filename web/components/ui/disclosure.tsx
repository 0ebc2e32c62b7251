'use client';

import type { ComponentProps } from 'react';

/** A `<details>` that Escape folds again, handing the focus back to its summary, as a menu would. */
export function Disclosure(props: ComponentProps<'details'>) {
  return (
    <details
      {...props}
      onKeyDown={(event) => {
        props.onKeyDown?.(event);
        const details = event.currentTarget;
        if (event.key !== 'Escape' || !details.open) return;
        details.open = false;
        details.querySelector('summary')?.focus();
      }}
    />
  );
}
